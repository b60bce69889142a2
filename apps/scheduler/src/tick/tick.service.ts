import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { EnqueueDueService } from './enqueue-due.service';
import { LeaderLock } from './leader.lock';

/** The scheduler's loop: every tick, if this instance leads, enqueue what is due. */
@Injectable()
export class TickService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TickService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly leader: LeaderLock,
    private readonly enqueuer: EnqueueDueService,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One tick; public so tests can drive the scheduler step by step. */
  async tick(): Promise<number> {
    if (!(await this.leader.ensure())) return 0;
    return this.enqueuer.enqueueDue();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`tick failed, retrying next tick: ${error.message}`))
        .finally(() => this.schedule(this.config.schedulerTickMs));
    }, delayMs);
  }
}
