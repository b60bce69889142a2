import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { Gauge } from 'prom-client';
import { dependencies, HOPWATCH_CONFIG, HopwatchConfig, metricsRegistry } from '@hopwatch/platform';
import { JobQueue } from './job-queue';
import { checkBatches, checkBatchJobId, CheckJob, CheckJobOutcome, checksQueueName, runNowJobId } from './jobs';
import { REDIS } from './queue.module.tokens';
import type { RedisConnection } from './redis';

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
    // Commands wait for Redis to return rather than fail, so asking now would hold /metrics for the whole outage.
    if (!dependencies.isUp('redis')) return;
    for (const producer of live) {
      for (const region of producer.regions()) {
        const counts = await producer.queue(region).jobCounts('waiting', 'active', 'delayed', 'failed');
        for (const [state, count] of Object.entries(counts)) this.set({ region, state }, count);
      }
    }
  },
});

/** Producer side of the `checks-<region>` queues: one queue per region, created on first use. */
@Injectable()
export class CheckQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, JobQueue<'checks'>>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {
    live.add(this);
  }

  regions(): string[] {
    return [...this.queues.keys()];
  }

  queue(region: string): JobQueue<'checks'> {
    let queue = this.queues.get(region);
    if (!queue) {
      queue = new JobQueue(checksQueueName(region), { redis: this.redis, settings: this.config, prefix: this.config.redisPrefix });
      this.queues.set(region, queue);
    }
    return queue;
  }

  /** Adds the checks in batches of HOPWATCH_CHECK_BATCH_SIZE per region, with ids named after their checks. */
  async enqueue(jobs: CheckJob[]): Promise<void> {
    const byRegion = new Map<string, CheckJob[]>();
    for (const job of jobs) {
      const regionJobs = byRegion.get(job.region);
      if (regionJobs) regionJobs.push(job);
      else byRegion.set(job.region, [job]);
    }
    await Promise.all(
      [...byRegion].map(([region, regionJobs]) =>
        this.queue(region).enqueue(
          'check.batch',
          checkBatches(region, regionJobs, this.config.checkBatchSize).map((data) => ({ data, opts: { ...CHECK_JOB_OPTIONS, jobId: checkBatchJobId(data) } })),
        ),
      ),
    );
  }

  /** Adds a run-now job and waits for a worker of its region to finish it; rejects after `timeoutMs`. */
  async runAndWait(job: CheckJob, timeoutMs: number): Promise<CheckJobOutcome> {
    const opts = { jobId: runNowJobId(job), removeOnComplete: { age: 60 }, removeOnFail: { age: 60 } };
    const queued = await this.queue(job.region).enqueueOne('check.run', { data: job, opts });
    return queued.finished(timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    live.delete(this);
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
