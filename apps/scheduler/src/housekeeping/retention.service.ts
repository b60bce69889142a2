// Keeps raw check results for HOPWATCH_RETENTION_DAYS: every few minutes the active scheduler (and only it,
// so two schedulers never race) creates the next days' result partitions, drops the day partitions that lie
// wholly before the retention window, and purges the few old rows that landed in the default partition.
// A day is dropped once all of it is older than the window, so raw results live between N and N + 1 days.
// Hourly rollups are purged after HOPWATCH_HOURLY_ROLLUP_DAYS, whole UTC days at a time (the history reads
// answer older hours from daily rollups, see hourlyRollupsSince), and never before the day close has moved
// hourly_kept_since past them (see DayCloseService); daily rollups stay forever.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DayCloseRepository, ResultPartitionRepository, RetentionRepository } from '@hopwatch/db';
import { DAY_SECONDS, hourlyRollupsSince } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, RepeatingTask } from '@hopwatch/platform';
import { LeaderLock } from '../tick/leader.lock';

const FIRST_RUN_AFTER_MS = 60_000;
const RUN_EVERY_MS = 10 * 60_000;
/** Today, and this many days after it, always have their partition. */
const DAYS_AHEAD = 3;
/** How long the hourly purge waits for writes that may not have seen where hourly rollups stop being kept. */
const WRITES_WAIT_MS = 5_000;

export type RetentionRun = { partitionsCreated: number; partitionsDropped: number; unpartitionedPurged: number; hourlyRollupsPurged: number };

@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private readonly loop = new RepeatingTask(
    () => this.runOnce(),
    RUN_EVERY_MS,
    (error) => this.logger.error(`result housekeeping failed, retrying later: ${error.message}`),
    { unref: true },
  );

  constructor(
    private readonly leader: LeaderLock,
    private readonly partitions: ResultPartitionRepository,
    private readonly retention: RetentionRepository,
    private readonly dayClose: DayCloseRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(FIRST_RUN_AFTER_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One round, if this scheduler leads; null when another one leads. */
  async runOnce(nowMs = Date.now()): Promise<RetentionRun | null> {
    if (!this.leader.isLeading()) return null;
    const now = Math.floor(nowMs / 1000);
    const cutoff = now - this.config.retentionDays * DAY_SECONDS;
    const created = await this.partitions.ensureDays(now, DAYS_AHEAD + 1);
    const dropped = await this.partitions.dropDaysBefore(cutoff);
    const stopping = () => this.loop.isStopped;
    const purged = await this.retention.deleteUnpartitionedBefore(cutoff, { stopping });
    const hours = await this.purgeHourlyRollups(now, stopping);
    if (dropped.length + purged + hours > 0) {
      this.logger.log(`dropped ${dropped.length} days of raw results, purged ${purged} stray raw results and ${hours} hourly rollups past retention`);
    }
    return { partitionsCreated: created.length, partitionsDropped: dropped.length, unpartitionedPurged: purged, hourlyRollupsPurged: hours };
  }

  private async purgeHourlyRollups(now: number, stopping: () => boolean): Promise<number> {
    const boundary = await this.dayClose.hourlyPurgeBoundary(WRITES_WAIT_MS);
    if (boundary === null || boundary === -Infinity) return 0;
    return this.retention.deleteHourlyRollupsBefore(Math.min(boundary, hourlyRollupsSince(now, this.config.hourlyRollupDays)), { stopping });
  }
}
