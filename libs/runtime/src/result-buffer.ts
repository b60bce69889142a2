// While Postgres is unreachable, check runs wait in a Redis stream instead of failing their jobs: the stream is
// shared by every worker and scheduler of an installation, bounded (HOPWATCH_RESULT_BUFFER_MAX runs), and emptied
// in slot order by one drainer once Postgres answers again (ResultDrainer in the worker).
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { NewCheckResult } from '@hopwatch/db';
import { dependencies, HOPWATCH_CONFIG, HopwatchConfig, metricsRegistry } from '@hopwatch/platform';
import { REDIS, RedisConnection } from '@hopwatch/queue';

/** One check run (or one missed slot) as buffered: its rows and the site's interval, which the analyzer needs. */
export type BufferedRun = { rows: NewCheckResult[]; intervalSeconds: number };

/** A buffered run with the stream id that deletes it once it is stored. */
export type BufferEntry = { id: string; run: BufferedRun };

// Appends only below the bound, so a full buffer refuses the newest run (counted) instead of silently trimming the oldest.
const APPEND_BELOW_BOUND = `
if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('XADD', KEYS[1], '*', 'run', ARGV[2])
return 1`;

const live = new Set<ResultBuffer>();

new Gauge({
  name: 'hopwatch_result_buffer_length',
  help: 'Check runs waiting in Redis for Postgres to return (HOPWATCH_RESULT_BUFFER_MAX at most)',
  registers: [metricsRegistry],
  async collect() {
    const [buffer] = live;
    // Commands wait for Redis to return rather than fail: asking during a Redis outage would hold /metrics.
    if (buffer && dependencies.isUp('redis')) this.set(await buffer.length());
  },
});

const droppedRuns = new Counter({
  name: 'hopwatch_result_buffer_dropped_total',
  help: 'Check runs not buffered because the buffer was full while Postgres was unreachable (their jobs fail and retry)',
  registers: [metricsRegistry],
});

const bufferedRuns = new Counter({
  name: 'hopwatch_result_buffer_appended_total',
  help: 'Check runs put in the Redis buffer instead of Postgres',
  registers: [metricsRegistry],
});

@Injectable()
export class ResultBuffer implements OnApplicationShutdown {
  private readonly logger = new Logger(ResultBuffer.name);
  readonly key: string;

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {
    this.key = `${config.redisPrefix}:results:buffer`;
    live.add(this);
  }

  onApplicationShutdown(): void {
    live.delete(this);
  }

  /** Buffers the run; false (and counted) when the buffer is full. */
  async append(run: BufferedRun): Promise<boolean> {
    const added = await this.redis.eval(APPEND_BELOW_BOUND, 1, this.key, this.config.resultBufferMax, JSON.stringify(run));
    if (added === 1) {
      bufferedRuns.inc();
      return true;
    }
    droppedRuns.inc();
    this.logger.error(`result buffer full (${this.config.resultBufferMax} runs, HOPWATCH_RESULT_BUFFER_MAX): a run of site ${run.rows[0]?.siteId} was not buffered`);
    return false;
  }

  length(): Promise<number> {
    return this.redis.xlen(this.key);
  }

  /** The oldest `count` entries, in the order they were buffered. */
  async oldest(count: number): Promise<BufferEntry[]> {
    const entries = await this.redis.xrange(this.key, '-', '+', 'COUNT', count);
    return entries.map(([id, fields]) => ({ id, run: JSON.parse(fields[fields.indexOf('run') + 1]) as BufferedRun }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.redis.xdel(this.key, ...ids);
  }
}
