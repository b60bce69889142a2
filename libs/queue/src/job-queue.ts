import { Logger } from '@nestjs/common';
import { JobsOptions, Queue, QueueEvents } from 'bullmq';
import { JobName, JobPayload, JobResult, JobsOn, QueueKind } from './jobs';
import { createRedis, queueErrorHandler, RedisConnection, RedisSettings } from './redis';

export type JobRequest<K extends JobName> = { data: JobPayload<K>; opts: JobsOptions };

/** A queued job; `finished` rejects when the job failed or did not finish within `timeoutMs`. */
export type QueuedJob<K extends JobName> = { finished(timeoutMs: number): Promise<JobResult<K>> };

const logger = new Logger('JobQueue');

type Connections = { redis: RedisConnection; settings: RedisSettings; prefix: string };

/** The producer side of one BullMQ queue, typed by the jobs of its kind; waiting for results opens its own connection. */
export class JobQueue<Q extends QueueKind> {
  private readonly queue: Queue;
  private events: Promise<QueueEvents> | null = null;
  private eventsConnection: RedisConnection | null = null;

  constructor(
    readonly name: string,
    private readonly connections: Connections,
  ) {
    this.queue = new Queue(name, { connection: connections.redis, prefix: connections.prefix });
    this.queue.on('error', queueErrorHandler(logger, `queue ${name}`));
  }

  async enqueue<K extends JobsOn<Q>>(name: K, requests: Array<JobRequest<K>>): Promise<void> {
    if (requests.length === 0) return;
    await this.queue.addBulk(requests.map(({ data, opts }) => ({ name, data, opts })));
  }

  /** Adds one job (or finds the one already queued under its id); its `finished` resolves with the processor's result. */
  async enqueueOne<K extends JobsOn<Q>>(name: K, request: JobRequest<K>): Promise<QueuedJob<K>> {
    const events = await this.queueEvents();
    const job = await this.queue.add(name, request.data, request.opts);
    return { finished: async (timeoutMs) => (await job.waitUntilFinished(events, timeoutMs)) as JobResult<K> };
  }

  jobCounts(...states: Array<'waiting' | 'active' | 'delayed' | 'failed' | 'completed'>): Promise<Record<string, number>> {
    return this.queue.getJobCounts(...states);
  }

  async close(): Promise<void> {
    if (this.events) await (await this.events).close();
    this.eventsConnection?.disconnect();
    await this.queue.close();
  }

  private queueEvents(): Promise<QueueEvents> {
    if (!this.events) {
      this.eventsConnection = createRedis(this.connections.settings);
      const listener = new QueueEvents(this.name, { connection: this.eventsConnection, prefix: this.connections.prefix });
      listener.on('error', queueErrorHandler(logger, `events of ${this.name}`));
      this.events = listener.waitUntilReady().then(() => listener);
    }
    return this.events;
  }
}
