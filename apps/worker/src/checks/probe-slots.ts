// A limit on the checks probing at once that can be changed while checks run (p-limit's cannot, before its
// ESM-only versions). Waiting checks start in arrival order as slots free up or the limit grows.

export class ProbeSlots {
  private active = 0;
  // A queue read from `head`, compacted now and then: Array#shift copies the whole array each time.
  private waiting: Array<() => void> = [];
  private head = 0;
  private waitedSinceLastLook = false;

  constructor(private currentLimit: number) {}

  get limit(): number {
    return this.currentLimit;
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length - this.head;
  }

  /** Runs `work` once a slot is free, holding the slot until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.currentLimit) {
      this.waitedSinceLastLook = true;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** A larger limit starts waiting checks at once; a smaller one lets running checks finish. */
  resize(limit: number): void {
    this.currentLimit = limit;
    while (this.active < this.currentLimit && this.queued > 0) this.handOver();
  }

  /** Whether a check had to wait for a slot since the last call (or is waiting now). */
  takeSaturation(): boolean {
    const saturated = this.waitedSinceLastLook || this.queued > 0;
    this.waitedSinceLastLook = false;
    return saturated;
  }

  private release(): void {
    this.active--;
    if (this.active < this.currentLimit && this.queued > 0) this.handOver();
  }

  /** The slot passes straight to the next waiting check, so no newcomer can take it in between. */
  private handOver(): void {
    this.active++;
    const start = this.waiting[this.head++];
    if (this.head >= 1_024 && this.head * 2 >= this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    start();
  }
}
