import { backoffDelay } from './backoff';

export type RepeatingTaskOptions = {
  /** Let the process exit while only this timer is pending. */
  unref?: boolean;
  /** After failures the next run waits longer, doubling up to this (with jitter); a success resets it. */
  maxBackoffMs?: number;
};

/**
 * Runs `work` after a first delay, then again `everyMs` after each run ends: never two runs at once, and
 * `stop()` waits for the run in flight. A failed run is reported and the next one still comes, later and
 * later while the failures last, so an outage is not hammered every few milliseconds.
 */
export class RepeatingTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly onError: (error: Error) => unknown,
    private readonly options: RepeatingTaskOptions = {},
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start(firstDelayMs = 0): void {
    this.schedule(firstDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then(
          () => (this.failures = 0),
          async (error: Error) => {
            this.failures++;
            await this.onError(error);
          },
        )
        .then(() => undefined, () => undefined)
        .finally(() => this.schedule(this.nextDelay()));
    }, delayMs);
    if (this.options.unref) this.timer.unref();
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.everyMs;
    const maxMs = Math.max(this.everyMs, this.options.maxBackoffMs ?? 5_000);
    return Math.max(this.everyMs, backoffDelay(this.failures, this.everyMs, maxMs));
  }
}
