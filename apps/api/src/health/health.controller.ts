import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { DependencyMonitor } from '@hopwatch/runtime';
import { Public } from '../auth/public.decorator';
import { Operation } from '../common/api-docs';
import { LivenessResponse, ReadinessResponse } from './dto/health.response';

@ApiTags('health')
@Public()
// Load balancers and orchestrators poll these; a limit would turn a healthy replica "down".
@SkipThrottle({ 'per-key': true, 'per-address': true, 'sign-in': true })
@Controller('health')
export class HealthController {
  constructor(private readonly dependencies: DependencyMonitor) {}

  @Get()
  @Operation({ summary: 'Liveness: the process answers', ok: { type: LivenessResponse }, access: 'none', rateLimited: false })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  /** Ready when Postgres and Redis answer; the same probe sets `hopwatch_dependency_up`, so the two always agree. */
  @Get('ready')
  @Operation({ summary: 'Readiness: PostgreSQL and Redis are reachable', ok: { type: ReadinessResponse }, access: 'none', rateLimited: false })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Redis is unreachable; `checks` says which', type: ReadinessResponse })
  async ready(): Promise<ReadinessResponse> {
    const checks = await this.dependencies.probeAll();
    const body: ReadinessResponse = { status: checks.postgres.status === 'up' && checks.redis.status === 'up' ? 'ok' : 'error', checks };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}
