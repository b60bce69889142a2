import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { dependencies, HOPWATCH_CONFIG, HopwatchConfig, RepeatingTask } from '@hopwatch/platform';
import { DependencyMonitor } from '@hopwatch/runtime';
import { EnqueueDueService } from './enqueue-due.service';
import { LeaderLock } from './leader.lock';
import { LostJobsService } from './lost-jobs.service';
import { ScheduleMirror } from './schedule-mirror';

/** The scheduler's loop: every tick, if this instance leads (Postgres reachable or not), enqueue what is due. */
@Injectable()
export class TickService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TickService.name);
  private readonly loop: RepeatingTask;

  constructor(
    private readonly leader: LeaderLock,
    private readonly enqueuer: EnqueueDueService,
    private readonly lostJobs: LostJobsService,
    private readonly mirror: ScheduleMirror,
    private readonly dependencies: DependencyMonitor,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.loop = new RepeatingTask(() => this.tick(), config.schedulerTickMs, async (error) => {
      if (!(await this.dependencies.explains(error))) this.logger.error(`tick failed, retrying next tick: ${error.message}`);
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One tick; public so tests can drive the scheduler step by step. */
  async tick(): Promise<number> {
    if (!(await this.leader.ensure())) {
      this.mirror.clear();
      return 0;
    }
    // The lost-jobs check reads the schedule: it waits for Postgres, while enqueuing goes on from the mirror.
    if (dependencies.isUp('postgres')) await this.lostJobs.recoverIfLost();
    return this.enqueuer.enqueueDue();
  }
}
