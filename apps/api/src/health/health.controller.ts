import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@hopwatch/queue';
import { Public } from '../auth/public.decorator';
import { Operation } from '../common/api-docs';
import { DependencyCheckResponse, LivenessResponse, ReadinessResponse } from './dto/health.response';

@ApiTags('health')
@Public()
// Load balancers and orchestrators poll these; a limit would turn a healthy replica "down".
@SkipThrottle({ 'per-key': true, 'per-address': true, 'sign-in': true })
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Operation({ summary: 'Liveness: the process answers', ok: { type: LivenessResponse }, access: 'none', rateLimited: false })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Operation({ summary: 'Readiness: PostgreSQL and Redis are reachable', ok: { type: ReadinessResponse }, access: 'none', rateLimited: false })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Redis is unreachable; `checks` says which', type: ReadinessResponse })
  async ready(): Promise<ReadinessResponse> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const body: ReadinessResponse = { status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'error', checks: { postgres, redis } };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}

async function probe(check: () => Promise<unknown>): Promise<DependencyCheckResponse> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2_000).unref());
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}
