import 'reflect-metadata';
import { Injectable, LoggerService, Module, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { ConfigModule } from '@hopwatch/platform';
import { testConfig } from '../../../test/support/test-config';
import { waitUntil } from '../../../test/support/wait-until';
import { CheckBatchJob, CheckBatchOutcome, CheckJob, CheckJobOutcome, NotifyJob } from './jobs';
import { JobWorkersModule } from './job-workers.module';
import { NotificationQueue } from './notification-queue';
import { CheckQueues } from './check-queues';
import { OnJob } from './on-job.decorator';
import { QueueModule } from './queue.module';

const config = testConfig('postgres://postgres@127.0.0.1:5432/unused');
const configModule = ConfigModule.forRoot(config);
const consumeBoth = JobWorkersModule.consume(
  [
    { queue: 'checks', options: () => ({ concurrency: 1 }), logFailures: false },
    // Deliveries retry with the custom 'jittered' backoff, which the consumer supplies.
    { queue: 'notifications', options: () => ({ concurrency: 2, settings: { backoffStrategy: () => 1_000 } }), logFailures: false },
  ],
  configModule,
);

@Injectable()
class Checks {
  @OnJob('check.run')
  async run(job: Job<CheckJob>): Promise<CheckJobOutcome> {
    if (job.data.manual) return { missed: true };
    throw new Error('scheduled checks travel in batches');
  }

  readonly batches: string[][] = [];

  @OnJob('check.batch')
  async runBatch(job: Job<CheckBatchJob>): Promise<CheckBatchOutcome> {
    this.batches.push(job.data.checks.map((check) => check.siteId));
    return { checked: job.data.checks.length, missed: 0 };
  }
}

/** Deliveries whose id starts with "held" wait for release(); "held-failing" ones then fail, the rest succeed. */
@Injectable()
class Deliveries {
  readonly delivered: string[] = [];
  readonly holding: string[] = [];
  private releaseHeld: () => void = () => undefined;
  private readonly held = new Promise<void>((resolve) => (this.releaseHeld = resolve));

  @OnJob('notify.deliver')
  async deliver(job: Job<NotifyJob>): Promise<void> {
    const id = job.data.deliveryId;
    if (id.startsWith('held')) {
      this.holding.push(id);
      await this.held;
      if (id.startsWith('held-failing')) throw new Error('the receiver answered 500');
    }
    this.delivered.push(id);
  }

  release(): void {
    this.releaseHeld();
  }
}

@Injectable()
class SecondDeliveries {
  @OnJob('notify.deliver')
  async deliverAgain(): Promise<void> {}
}

class CapturedLog implements LoggerService {
  readonly lines: string[] = [];
  log(message: string) { this.lines.push(`log ${message}`); }
  warn(message: string) { this.lines.push(`warn ${message}`); }
  error(message: string) { this.lines.push(`error ${message}`); }
}

async function boot(handlers: Type[], logger: LoggerService | false = false) {
  @Module({ imports: [consumeBoth], providers: handlers })
  class Handlers {}
  const moduleRef = await Test.createTestingModule({
    imports: [configModule, QueueModule.forRoot(configModule), Handlers],
  }).compile();
  const app = moduleRef.createNestApplication({ logger });
  try {
    return await app.init();
  } catch (error) {
    await app.close();
    throw error;
  }
}

describe('the queue workers', () => {
  it('refuse to boot when a job of a consumed queue has no handler', async () => {
    await expect(boot([Checks])).rejects.toThrow(`job "notify.deliver" has no handler: add @OnJob('notify.deliver') to one provider method`);
  });

  it('refuse to boot when a job has two handlers, naming both', async () => {
    await expect(boot([Checks, Deliveries, SecondDeliveries])).rejects.toThrow(
      'job "notify.deliver" has 2 handlers (Deliveries.deliver, SecondDeliveries.deliverAgain): keep one',
    );
  });

  it('hand each job to its one handler and return its result to the producer', async () => {
    const app = await boot([Checks, Deliveries]);
    try {
      const entry = { kind: 'http' as const, target: 'entry', role: 'entry' as const, url: 'http://127.0.0.1/', method: 'GET' as const, connectTo: null, hostHeader: null, expectStatus: '200-399', bodyContains: null, timeoutMs: 1_000 };
      const spec = { entry, hops: [], dnsResolvers: [] };
      const job = { siteId: 'site-1', region: config.region, slot: 0, intervalSeconds: 60, spec, manual: true };
      await expect(app.get(CheckQueues).runAndWait(job, 10_000)).resolves.toEqual({ missed: true });
      // Scheduled checks go in batches of HOPWATCH_CHECK_BATCH_SIZE; enqueued twice, a batch is one job.
      const scheduled = Array.from({ length: config.checkBatchSize + 2 }, (_, index) => ({ ...job, siteId: `site-${index}`, slot: 60, manual: false }));
      await app.get(CheckQueues).enqueue(scheduled);
      await app.get(CheckQueues).enqueue(scheduled);
      await waitUntil(() => app.get(Checks).batches.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(app.get(Checks).batches).toEqual([scheduled.slice(0, config.checkBatchSize), scheduled.slice(config.checkBatchSize)].map((batch) => batch.map((check) => check.siteId)));
      await app.get(NotificationQueue).enqueue(['delivery-1']);
      await waitUntil(() => app.get(Deliveries).delivered.length > 0);
      expect(app.get(Deliveries).delivered).toEqual(['delivery-1']);
    } finally {
      await app.close();
    }
  });

  it('say once that running jobs were lost when Redis loses their keys, instead of an error per job', async () => {
    const log = new CapturedLog();
    const app = await boot([Checks, Deliveries], log);
    const redis = new Redis(config.redisUrl);
    try {
      await app.get(NotificationQueue).enqueue(['held-succeeding', 'held-failing']);
      await waitUntil(() => app.get(Deliveries).holding.length === 2);
      expect(app.get(Deliveries).holding.sort()).toEqual(['held-failing', 'held-succeeding']);
      // What a Redis restarted empty, or a FLUSHALL, does to this test's queues (and nothing else's).
      const keys = await redis.keys(`${config.redisPrefix}:*`);
      await redis.del(...keys);
      app.get(Deliveries).release();
      await waitUntil(() => app.get(Deliveries).delivered.length === 1);
    } finally {
      redis.disconnect();
      await app.close();
    }
    const queueLines = log.lines.filter((line) => !line.startsWith('log '));
    expect(queueLines).toEqual([expect.stringMatching(/^warn notifications\S*: lost 2 running job\(s\) \(Redis lost them/)]);
  });
});
