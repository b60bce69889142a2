// Every minute the active scheduler (and only it) closes the UTC days that have ended, building their daily
// rollups from their hours, rebuilds the days late results have marked dirty, and moves the limit of the hourly
// rollups kept to HOPWATCH_HOURLY_ROLLUP_DAYS (never past the days closed). See DayCloseRepository for why each
// step is safe beside writers that keep storing results.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DayCloseRepository } from '@hopwatch/db';
import { DAY_SECONDS, hourlyRollupsSince } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, RepeatingTask } from '@hopwatch/platform';
import { DependencyMonitor } from '@hopwatch/runtime';
import { LeaderLock } from '../tick/leader.lock';

const FIRST_RUN_AFTER_MS = 5_000;
const RUN_EVERY_MS = 60_000;
/** A day closes this long after it ends, so the writes of its last seconds have long committed. */
const CLOSE_AFTER_SECONDS = 120;
const SITES_PER_PAGE = 500;
const DIRTY_DAYS_PER_ROUND = 500;

export type DayCloseRun = { daysClosed: number; dirtyDaysRebuilt: number; waitingForWrites: boolean };

@Injectable()
export class DayCloseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DayCloseService.name);
  /** The end of the day whose wait was last told, so a long transaction (a nightly dump, say) costs one line. */
  private warnedWaitingFor: number | null = null;
  private readonly loop = new RepeatingTask(
    () => this.runOnce(),
    RUN_EVERY_MS,
    async (error) => {
      if (!(await this.dependencies.explains(error))) this.logger.error(`closing days of rollups failed, retrying later: ${error.message}`);
    },
    { unref: true },
  );

  constructor(
    private readonly leader: LeaderLock,
    private readonly days: DayCloseRepository,
    private readonly dependencies: DependencyMonitor,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(FIRST_RUN_AFTER_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One round, if this scheduler leads; null when another one leads. */
  async runOnce(nowMs = Date.now()): Promise<DayCloseRun | null> {
    if (!this.leader.isLeading()) return null;
    const now = Math.floor(nowMs / 1000);
    const stopping = () => this.loop.isStopped;
    const run: DayCloseRun = { daysClosed: 0, dirtyDaysRebuilt: 0, waitingForWrites: false };
    for (;;) {
      const dayEnd = (await this.days.progress()).daysClosedBefore + DAY_SECONDS;
      if (now < dayEnd + CLOSE_AFTER_SECONDS || stopping()) break;
      if (await this.days.transactionsBegunBefore(dayEnd)) {
        run.waitingForWrites = true;
        if (this.warnedWaitingFor !== dayEnd) {
          this.warnedWaitingFor = dayEnd;
          this.logger.warn(`closing ${new Date((dayEnd - DAY_SECONDS) * 1000).toISOString().slice(0, 10)} waits for a transaction that began before its end`);
        }
        break;
      }
      if (!(await this.days.closeDay(dayEnd - DAY_SECONDS, { sitesPerPage: SITES_PER_PAGE, stopping }))) break;
      run.daysClosed += 1;
    }
    for (let rebuilt = DIRTY_DAYS_PER_ROUND; rebuilt === DIRTY_DAYS_PER_ROUND && !stopping(); ) {
      rebuilt = await this.days.rebuildDirtyDays(DIRTY_DAYS_PER_ROUND);
      run.dirtyDaysRebuilt += rebuilt;
    }
    await this.days.keepHourlySince(hourlyRollupsSince(now, this.config.hourlyRollupDays));
    if (run.daysClosed + run.dirtyDaysRebuilt > 0) {
      this.logger.log(`closed ${run.daysClosed} days of rollups and rebuilt ${run.dirtyDaysRebuilt} site days that late results had changed`);
    }
    return run;
  }
}
