// Once Postgres answers again, one worker of the installation (a Redis lock decides) stores the runs buffered
// during the outage oldest slot first, and runs the analyzer after each slot, so an incident that began during
// the outage opens with its real start and is alerted. Stored with the idempotent insert and deleted from the
// buffer only after, a drain cut short is simply done again.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AnalysisRepository, CheckResultRepository, ScheduleMirrorRepository } from '@hopwatch/db';
import { dependencies, HOPWATCH_CONFIG, HopwatchConfig, isConnectionFailure, RepeatingTask } from '@hopwatch/platform';
import { deleteIfMine, extendIfMine, REDIS, RedisConnection } from '@hopwatch/queue';
import { BufferedRun, DependencyMonitor, ResultBuffer } from '@hopwatch/runtime';
import { AnalyzerService } from '../analysis/analyzer.service';
import { BufferedSlot, bySlot } from './buffered-slots';
import { drainedRuns } from '../worker.metrics';

const DRAIN_EVERY_MS = 500;
const READ_BATCH = 2_000;
const LOCK_MS = 30_000;

@Injectable()
export class ResultDrainer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ResultDrainer.name);
  private readonly loop: RepeatingTask;
  private readonly lockKey: string;
  private readonly token = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(
    private readonly buffer: ResultBuffer,
    private readonly results: CheckResultRepository,
    private readonly sites: ScheduleMirrorRepository,
    private readonly analysis: AnalysisRepository,
    private readonly analyzer: AnalyzerService,
    private readonly monitor: DependencyMonitor,
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.lockKey = `${config.redisPrefix}:results:drain-lock`;
    this.loop = new RepeatingTask(() => this.drainIfDue(), DRAIN_EVERY_MS, async (error) => {
      if (!(await this.monitor.explains(error))) this.logger.error(`draining the result buffer failed, retrying: ${error.message}`);
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(DRAIN_EVERY_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Drains when Postgres is up, something is buffered and no other process drains; returns the runs stored. */
  async drainIfDue(): Promise<number> {
    if (!dependencies.isUp('postgres') || (await this.buffer.length()) === 0) return 0;
    if ((await this.redis.set(this.lockKey, this.token, 'PX', LOCK_MS, 'NX')) !== 'OK') return 0;
    try {
      return await this.drain();
    } finally {
      await deleteIfMine(this.redis, this.lockKey, this.token);
    }
  }

  private async drain(): Promise<number> {
    let drained = 0;
    for (;;) {
      const entries = await this.buffer.oldest(READ_BATCH);
      if (entries.length === 0) break;
      for (const slot of bySlot(entries)) {
        drained += await this.store(slot);
        if (!(await extendIfMine(this.redis, this.lockKey, this.token, LOCK_MS))) return drained;
      }
    }
    if (drained > 0) this.logger.log(`stored ${drained} check runs buffered while Postgres was unreachable`);
    return drained;
  }

  /** One slot: its runs stored (sites deleted meanwhile dropped), then each site analysed as of its check; returns the runs kept. */
  private async store(slot: BufferedSlot): Promise<number> {
    const existing = await this.sites.existing([...new Set(slot.runs.map((run) => run.rows[0]?.siteId).filter(Boolean))] as string[]);
    const kept = slot.runs.filter((run) => run.rows.length > 0 && existing.has(run.rows[0].siteId));
    if (kept.length < slot.runs.length) this.logger.warn(`dropped ${slot.runs.length - kept.length} buffered runs of sites deleted meanwhile (slot ${new Date(slot.slot * 1000).toISOString()})`);
    const stored = await this.insert(kept);
    for (const run of stored) await this.analyse(run.rows, run.intervalSeconds);
    await this.buffer.remove(slot.entryIds);
    drainedRuns.inc(stored.length);
    return stored.length;
  }

  /** The runs Postgres took. One it refuses (not for being unreachable) is dropped with an error, so it cannot hold up the buffer. */
  private async insert(runs: BufferedRun[]): Promise<BufferedRun[]> {
    try {
      await this.results.insertEach(runs.flatMap((run) => run.rows));
      return runs;
    } catch (error) {
      if (isConnectionFailure(error)) throw error;
      if (runs.length > 1) return (await Promise.all(runs.map((run) => this.insert([run])))).flat();
      this.logger.error(`dropped a buffered run of site ${runs[0].rows[0]?.siteId} that Postgres refuses: ${(error as Error).message}`);
      return [];
    }
  }

  /** As the worker would have right after the check: healthy with no open incident needs nothing more. */
  private async analyse(rows: BufferedRun['rows'], intervalSeconds: number): Promise<void> {
    const entry = rows.find((row) => row.target === 'entry');
    if (!entry || entry.errorCode === 'MISSED') return;
    if (entry.ok && !(await this.analysis.hasOpenIncident(entry.siteId))) return;
    const checkedAt = Math.max(...rows.map((row) => Date.parse(row.startedAt) + (row.timings.totalMs ?? 0)));
    await this.analyzer.analyze(entry.siteId, intervalSeconds, new Date(Math.min(checkedAt, Date.now())));
  }
}
