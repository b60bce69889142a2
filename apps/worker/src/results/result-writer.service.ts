// Batches results from many concurrent checks into few multi-row inserts. A check's job completes only
// once its batch is committed, so a worker killed mid-batch leaves its jobs to be retried, and the
// table's unique key keeps the retry from writing anything twice.
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { CheckResultRepository, NewCheckResult } from '@hopwatch/db';
import { dependencies, describeCause, HOPWATCH_CONFIG, HopwatchConfig, isConnectionFailure } from '@hopwatch/platform';
import { writerBatchSize, writerLatency } from '../worker.metrics';

type Pending = { result: NewCheckResult; done: () => void; failed: (error: Error) => void };

@Injectable()
export class ResultWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ResultWriter.name);
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly results: CheckResultRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  /** Resolves when every given result is stored (or was already). */
  write(results: NewCheckResult[]): Promise<void> {
    const written = results.map(
      (result) => new Promise<void>((done, failed) => this.pending.push({ result, done, failed })),
    );
    if (this.pending.length >= this.config.writerBatchSize) this.flushSoon(0);
    else this.flushSoon(this.config.writerFlushMs);
    return Promise.all(written).then(() => undefined);
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
      await this.results.insertMany(batch.map((item) => item.result));
      writerBatchSize.observe(batch.length);
      for (const item of batch) item.done();
    } catch (error) {
      if (isConnectionFailure(error)) dependencies.down('postgres', describeCause(error));
      else this.logger.error(`writing ${batch.length} results failed: ${(error as Error).message}`);
      for (const item of batch) item.failed(error as Error);
    } finally {
      stopTimer();
    }
  }
}
