// When Redis loses its data, or a worker is blocked past its lock, BullMQ reports every running job it can no longer
// renew or finish, one error each. They are one event: this folds them into one line per burst and per queue.

/** BullMQ's answers when a running job's key or lock is gone: "Missing key for job 7. moveToFinished" and kin. */
const JOB_GONE = /^(?:could not renew lock for job|Missing key for job|Missing lock for job|Lock mismatch for job) (\S+?)\.?(?:\s|$)/;

/** The id of the job a BullMQ error says was lost, or null when the error is about something else. */
export function lostJobOf(error: Error): string | null {
  return JOB_GONE.exec(error.message)?.[1] ?? null;
}

/** Collects lost jobs for `windowMs` after the first one, then writes one line naming how many. */
export class LostJobsLog {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: string,
    private readonly lockMs: number,
    private readonly write: (line: string) => void,
    private readonly windowMs = 5_000,
  ) {}

  add(jobIds: Iterable<string>): void {
    for (const id of jobIds) this.pending.add(id);
    if (this.pending.size === 0 || this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.windowMs);
    this.timer.unref();
  }

  /** Writes what is pending now (at shutdown, so nothing collected is dropped) and stops the timer. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const count = this.pending.size;
    this.pending.clear();
    this.write(
      `${this.queue}: lost ${count} running job(s) (Redis lost them, or this worker was blocked for over ` +
        `${this.lockMs} ms); they are taken over or re-enqueued, and a run stored twice is refused by its unique slot`,
    );
  }
}
