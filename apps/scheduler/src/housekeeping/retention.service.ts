// Keeps raw check results for HOPWATCH_RETENTION_DAYS: every few minutes the active scheduler (and only it,
// so two schedulers never purge at once) deletes older results in small batches. Rollups stay forever.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RetentionRepository } from '@hopwatch/db';
import { DAY_SECONDS } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, RepeatingTask } from '@hopwatch/platform';
import { LeaderLock } from '../tick/leader.lock';

const FIRST_RUN_AFTER_MS = 60_000;
const RUN_EVERY_MS = 10 * 60_000;

@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private readonly loop = new RepeatingTask(
    () => this.runOnce(),
    RUN_EVERY_MS,
    (error) => this.logger.error(`purging old results failed, retrying later: ${error.message}`),
    { unref: true },
  );

  constructor(
    private readonly leader: LeaderLock,
    private readonly retention: RetentionRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(FIRST_RUN_AFTER_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One purge, if this scheduler leads; returns the results deleted, or null when another one leads. */
  async runOnce(nowMs = Date.now()): Promise<number | null> {
    if (!this.leader.isLeading()) return null;
    const cutoff = Math.floor(nowMs / 1000) - this.config.retentionDays * DAY_SECONDS;
    const deleted = await this.retention.deleteRawBefore(cutoff, { stopping: () => this.loop.isStopped });
    if (deleted > 0) this.logger.log(`purged ${deleted} raw results older than ${this.config.retentionDays} days`);
    return deleted;
  }
}
