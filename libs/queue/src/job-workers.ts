// The consumer side: one BullMQ Worker per queue this process consumes, dispatching each job by name to
// the method declared with @OnJob. Handlers are found at boot, and a job without exactly one is a boot error.
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker, WorkerOptions } from 'bullmq';
import { HOPWATCH_CONFIG, HopwatchConfig, isConnectionFailure } from '@hopwatch/platform';
import { JobName, jobNamesOn, queueNameFor, QueueKind } from './jobs';
import { ON_JOB } from './on-job.decorator';
import { LostJobsLog, lostJobOf } from './lost-jobs-log';
import { createRedis, queueErrorHandler, RedisConnection } from './redis';

/** What a process consumes: a queue kind and the worker settings it wants beyond the shared ones. */
export type QueueConsumer = {
  queue: QueueKind;
  options: (config: HopwatchConfig) => Omit<WorkerOptions, 'connection' | 'prefix'>;
  /** Log each failed attempt (a check that fails is news; a delivery retried with backoff is expected). */
  logFailures: boolean;
};

export const QUEUE_CONSUMERS = Symbol('QUEUE_CONSUMERS');

type BoundHandler = { owner: string; run: (job: Job) => Promise<unknown> };

export class JobHandlerError extends Error {}

@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly running: Array<{ queue: QueueKind; worker: Worker; connection: RedisConnection; lost: LostJobsLog }> = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(QUEUE_CONSUMERS) private readonly consumers: QueueConsumer[],
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = this.handlersFor(this.consumers.map((consumer) => consumer.queue));
    for (const consumer of this.consumers) this.start(consumer, handlers);
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const { worker, connection, lost } of this.running.splice(0)) {
      await worker.close();
      lost.flush();
      await connection.quit().catch(() => connection.disconnect());
    }
  }

  /** How many jobs of `queue` this process runs at once from now on (a smaller number lets running jobs finish). */
  setConcurrency(queue: QueueKind, concurrency: number): void {
    for (const running of this.running) if (running.queue === queue) running.worker.concurrency = concurrency;
  }

  private start(consumer: QueueConsumer, handlers: Map<JobName, BoundHandler>): void {
    const connection = createRedis(this.config);
    const name = queueNameFor(consumer.queue, this.config.region);
    const worker = new Worker(name, (job) => this.dispatch(handlers, job), {
      // The lock is renewed every half-lock while the worker lives, so it need not cover a whole check: it only
      // bounds how long a dead worker's jobs wait. They are taken over within lock + stalled interval (1.5 × lock).
      lockDuration: this.config.jobLockMs,
      stalledInterval: Math.max(500, Math.round(this.config.jobLockMs / 2)),
      ...consumer.options(this.config),
      connection,
      prefix: this.config.redisPrefix,
    });
    const reportError = queueErrorHandler(this.logger, `${name} queue error`);
    // A failed lock renewal, and then the failed finish of the same job, are one loss, reported once per burst.
    const lost = new LostJobsLog(name, this.config.jobLockMs, (line) => this.logger.warn(line));
    worker.on('error', (error) => {
      const jobId = lostJobOf(error);
      if (jobId === null) reportError(error);
      else lost.add([jobId]);
    });
    worker.on('lockRenewalFailed', (jobIds) => lost.add(jobIds));
    if (consumer.logFailures) {
      // A job failing because Postgres or Redis is away is retried; the outage itself is reported once elsewhere.
      worker.on('failed', (job, error) => {
        if (!isConnectionFailure(error)) this.logger.warn(`${job?.name} ${job?.id} failed: ${error.message}`);
      });
    }
    this.running.push({ queue: consumer.queue, worker, connection, lost });
  }

  private dispatch(handlers: Map<JobName, BoundHandler>, job: Job): Promise<unknown> {
    const handler = handlers.get(job.name as JobName);
    if (!handler) throw new JobHandlerError(`no handler for job "${job.name}" (id ${job.id})`);
    return handler.run(job);
  }

  /** Every job of the consumed queues mapped to its one handler; throws naming each job with none or several. */
  private handlersFor(queues: QueueKind[]): Map<JobName, BoundHandler> {
    const found = new Map<JobName, BoundHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const name = this.reflector.get<JobName | undefined>(ON_JOB, instance[method] as () => unknown);
        if (!name) continue;
        const owner = `${instance.constructor.name}.${method}`;
        const run = (job: Job) => (instance[method] as (job: Job) => Promise<unknown>).call(instance, job);
        found.set(name, [...(found.get(name) ?? []), { owner, run }]);
      }
    }
    const problems: string[] = [];
    const handlers = new Map<JobName, BoundHandler>();
    for (const name of queues.flatMap(jobNamesOn)) {
      const candidates = found.get(name) ?? [];
      if (candidates.length === 0) problems.push(`job "${name}" has no handler: add @OnJob('${name}') to one provider method`);
      else if (candidates.length > 1) problems.push(`job "${name}" has ${candidates.length} handlers (${candidates.map((c) => c.owner).join(', ')}): keep one`);
      else handlers.set(name, candidates[0]);
    }
    if (problems.length > 0) throw new JobHandlerError(`cannot start the queue workers: ${problems.join('; ')}`);
    return handlers;
  }
}
