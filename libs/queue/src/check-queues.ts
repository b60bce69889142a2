import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import { HOPWATCH_CONFIG, HopwatchConfig, metricsRegistry } from '@hopwatch/platform';
import { CheckJob, checkJobId, checksQueueName } from './jobs';
import { createRedis } from './redis';
import { REDIS } from './queue.module.tokens';

const CHECK_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
};

const live = new Set<CheckQueues>();

new Gauge({
  name: 'hopwatch_queue_jobs',
  help: 'Check jobs per region queue and state',
  labelNames: ['region', 'state'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const producer of live) {
      for (const region of producer.regions()) {
        const counts = await producer.queue(region).getJobCounts('waiting', 'active', 'delayed', 'failed');
        for (const [state, count] of Object.entries(counts)) this.set({ region, state }, count);
      }
    }
  },
});

/** Producer side of the `checks-<region>` queues: one BullMQ Queue per region, created on first use. */
@Injectable()
export class CheckQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue<CheckJob>>();
  private readonly events = new Map<string, Promise<QueueEvents>>();
  private readonly eventConnections: Redis[] = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {
    live.add(this);
  }

  regions(): string[] {
    return [...this.queues.keys()];
  }

  queue(region: string): Queue<CheckJob> {
    let queue = this.queues.get(region);
    if (!queue) {
      queue = new Queue<CheckJob>(checksQueueName(region), { connection: this.redis, prefix: this.config.redisPrefix });
      this.queues.set(region, queue);
    }
    return queue;
  }

  /** Adds the jobs with deterministic ids, so a slot enqueued twice runs once. */
  async enqueue(jobs: CheckJob[]): Promise<void> {
    const byRegion = new Map<string, CheckJob[]>();
    for (const job of jobs) byRegion.set(job.region, [...(byRegion.get(job.region) ?? []), job]);
    await Promise.all(
      [...byRegion].map(([region, regionJobs]) =>
        this.queue(region).addBulk(
          regionJobs.map((data) => ({ name: 'check.run', data, opts: { ...CHECK_JOB_OPTIONS, jobId: checkJobId(data) } })),
        ),
      ),
    );
  }

  /** Adds a run-now job and waits for a worker of its region to finish it; rejects after `timeoutMs`. */
  async runAndWait<Result>(job: CheckJob, timeoutMs: number): Promise<Result> {
    const events = await this.queueEvents(job.region);
    const added = await this.queue(job.region).add('check.run', job, {
      jobId: checkJobId(job),
      removeOnComplete: { age: 60 },
      removeOnFail: { age: 60 },
    });
    return added.waitUntilFinished(events, timeoutMs) as Promise<Result>;
  }

  async onApplicationShutdown(): Promise<void> {
    live.delete(this);
    const events = await Promise.all(this.events.values());
    await Promise.all([...events.map((listener) => listener.close()), ...[...this.queues.values()].map((queue) => queue.close())]);
    for (const connection of this.eventConnections) connection.disconnect();
  }

  private queueEvents(region: string): Promise<QueueEvents> {
    let events = this.events.get(region);
    if (!events) {
      const connection = createRedis(this.config.redisUrl);
      this.eventConnections.push(connection);
      const listener = new QueueEvents(checksQueueName(region), {
        connection,
        prefix: this.config.redisPrefix,
      });
      events = listener.waitUntilReady().then(() => listener);
      this.events.set(region, events);
    }
    return events;
  }
}
