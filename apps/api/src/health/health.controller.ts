import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { DependencyMonitor } from '@hopwatch/runtime';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Public()
// Load balancers and orchestrators poll these; a limit would turn a healthy replica "down".
@SkipThrottle({ 'per-key': true, 'per-address': true, 'sign-in': true })
@Controller('health')
export class HealthController {
  constructor(private readonly dependencies: DependencyMonitor) {}

  @Get()
  live() {
    return { status: 'ok' };
  }

  /** Ready when Postgres and Redis answer; the same probe sets `hopwatch_dependency_up`, so the two always agree. */
  @Get('ready')
  async ready() {
    const checks = await this.dependencies.probeAll();
    const body = { status: checks.postgres.status === 'up' && checks.redis.status === 'up' ? 'ok' : 'error', checks };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}
