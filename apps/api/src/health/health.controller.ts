import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@hopwatch/queue';
import { Public } from '../auth/public.decorator';

type Check = { status: 'up' | 'down'; error?: string };

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
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const [postgres, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const body = { status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'error', checks: { postgres, redis } };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}

async function probe(check: () => Promise<unknown>): Promise<Check> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2_000).unref());
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}
