// Batches results from many concurrent checks into few multi-row inserts. A check's job completes only
// once its batch is committed, so a worker killed mid-batch leaves its jobs to be retried, and the
// table's unique key keeps the retry from writing anything twice. While Postgres is unreachable, or while runs
// buffered during an outage still wait to be drained, a run goes to the Redis buffer instead (slot order is kept:
// the drainer stores and analyses the buffer oldest first).
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { CheckResultRepository, NewCheckResult } from '@hopwatch/db';
import { dependencies, describeCause, HOPWATCH_CONFIG, HopwatchConfig, isConnectionFailure } from '@hopwatch/platform';
import { ResultBuffer } from '@hopwatch/runtime';
import { writerBatchSize, writerLatency } from '../worker.metrics';

/** Stored (with each result's new id, or null when it was already stored), or buffered until Postgres returns. */
export type Recorded = { buffered: false; ids: Array<string | null> } | { buffered: true };

type Pending = { result: NewCheckResult; done: (id: string | null) => void; failed: (error: Error) => void };

// Whether buffered runs still wait is asked of Redis at most this often, not on every check: a buffer only starts
// filling once Postgres already fails, and this writer knows at once when it buffers a run itself.
const BUFFER_RECHECK_MS = 1_000;

@Injectable()
export class ResultWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ResultWriter.name);
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private bufferWaiting = false;
  private bufferCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly results: CheckResultRepository,
    private readonly buffer: ResultBuffer,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  /** One run's results: stored, or buffered when Postgres cannot take them (a full buffer rethrows, so the job retries). */
  async record(results: NewCheckResult[], intervalSeconds: number): Promise<Recorded> {
    if (await this.bufferHoldsRuns()) return this.bufferOrThrow(results, intervalSeconds, null);
    try {
      return { buffered: false, ids: await this.write(results) };
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      return this.bufferOrThrow(results, intervalSeconds, error as Error);
    }
  }

  /** Resolves when every given result is stored (or was already), with each one's new id, or null when it was already stored. */
  write(results: NewCheckResult[]): Promise<Array<string | null>> {
    const written = results.map(
      (result) => new Promise<string | null>((done, failed) => this.pending.push({ result, done, failed })),
    );
    if (this.pending.length >= this.config.writerBatchSize) this.flushSoon(0);
    else this.flushSoon(this.config.writerFlushMs);
    return Promise.all(written);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  /** Writes everything buffered; used at shutdown and by tests. */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.flushing) {
      await (this.flushing ?? this.flush());
    }
  }

  private async bufferHoldsRuns(): Promise<boolean> {
    const now = Date.now();
    if (now - this.bufferCheckedAt >= BUFFER_RECHECK_MS) {
      this.bufferCheckedAt = now;
      this.bufferWaiting = (await this.buffer.length()) > 0;
    }
    return this.bufferWaiting;
  }

  private async bufferOrThrow(results: NewCheckResult[], intervalSeconds: number, cause: Error | null): Promise<Recorded> {
    if (await this.buffer.append({ rows: results, intervalSeconds })) {
      this.bufferWaiting = true;
      this.bufferCheckedAt = Date.now();
      return { buffered: true };
    }
    throw cause ?? new Error('the result buffer is full (HOPWATCH_RESULT_BUFFER_MAX) and still draining');
  }

  private flushSoon(delayMs: number): void {
    if (this.flushing) return;
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0, this.config.writerBatchSize);
    this.flushing = this.insert(batch).finally(() => {
      this.flushing = null;
      if (this.pending.length > 0) this.flushSoon(this.pending.length >= this.config.writerBatchSize ? 0 : this.config.writerFlushMs);
    });
    return this.flushing;
  }

  private async insert(batch: Pending[]): Promise<void> {
    if (batch.length === 0) return;
    const stopTimer = writerLatency.startTimer();
    try {
      const ids = await this.results.insertEach(batch.map((item) => item.result));
      writerBatchSize.observe(batch.length);
      batch.forEach((item, index) => item.done(ids[index]));
    } catch (error) {
      if (isConnectionFailure(error)) dependencies.down('postgres', describeCause(error));
      else this.logger.error(`writing ${batch.length} results failed: ${(error as Error).message}`);
      for (const item of batch) item.failed(error as Error);
    } finally {
      stopTimer();
    }
  }
}
