import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { LatenessBoard } from '@hopwatch/queue';
import { DependencyMonitor } from '@hopwatch/runtime';
import { Public } from '../auth/public.decorator';
import { Operation } from '../common/api-docs';
import { LivenessResponse, PipelineResponse, ReadinessResponse } from './dto/health.response';

/** Readiness answers fast whatever Redis does: a board that does not answer in time is unknown. */
const BOARD_TIMEOUT_MS = 1_000;

@ApiTags('health')
@Public()
// Load balancers and orchestrators poll these; a limit would turn a healthy replica "down".
@SkipThrottle({ 'per-key': true, 'per-address': true, 'sign-in': true })
@Controller('health')
export class HealthController {
  constructor(
    private readonly dependencies: DependencyMonitor,
    private readonly lateness: LatenessBoard,
  ) {}

  @Get()
  @Operation({ summary: 'Liveness: the process answers', ok: { type: LivenessResponse }, access: 'none', rateLimited: false })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  /**
   * Ready when Postgres and Redis answer; the same probe sets `hopwatch_dependency_up`, so the two always agree.
   * Checks running behind make it `degraded` but still ready: this replica serves the API fine.
   */
  @Get('ready')
  @Operation({ summary: 'Readiness: PostgreSQL and Redis are reachable, and whether checks run on time', ok: { type: ReadinessResponse }, access: 'none', rateLimited: false })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Redis is unreachable; `checks` says which', type: ReadinessResponse })
  async ready(): Promise<ReadinessResponse> {
    const checks = await this.dependencies.probeAll();
    const reachable = checks.postgres.status === 'up' && checks.redis.status === 'up';
    const pipeline = checks.redis.status === 'up' ? await this.pipeline() : { status: 'unknown' as const, regions: [] };
    const body: ReadinessResponse = { status: !reachable ? 'error' : pipeline.status === 'behind' ? 'degraded' : 'ok', checks, pipeline };
    if (body.status === 'error') throw new ServiceUnavailableException(body);
    return body;
  }

  private async pipeline(): Promise<PipelineResponse> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), BOARD_TIMEOUT_MS)));
    const reports = await Promise.race([this.lateness.regions().catch(() => null), timeout]).finally(() => clearTimeout(timer));
    if (!reports || reports.length === 0) return { status: 'unknown', regions: [] };
    const regions = reports.map(({ p99Seconds, ...report }) => ({ ...report, p99LatenessSeconds: p99Seconds }));
    return { status: regions.some((region) => region.behind) ? 'behind' : 'ok', regions };
  }
}
