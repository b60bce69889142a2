/**
 * Runs `work` after a first delay, then again `everyMs` after each run ends: never two runs at once, and
 * `stop()` waits for the run in flight. A failed run is reported and the next one still comes.
 */
export class RepeatingTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly onError: (error: Error) => void,
    /** Let the process exit while only this timer is pending. */
    private readonly unref = false,
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
        .then(() => undefined, (error: Error) => this.onError(error))
        .finally(() => this.schedule(this.everyMs));
    }, delayMs);
    if (this.unref) this.timer.unref();
  }
}
