import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { NOTIFICATIONS_QUEUE, NotifyJob } from './jobs';
import { REDIS } from './queue.module.tokens';
import { createRedis } from './redis';

/** Producer side of `notifications`: one job per delivery, its id the delivery's, so a delivery is queued once. */
@Injectable()
export class NotificationQueue implements OnApplicationShutdown {
  readonly queue: Queue<NotifyJob>;
  private events: Promise<QueueEvents> | null = null;
  private eventsConnection: Redis | null = null;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {
    this.queue = new Queue<NotifyJob>(NOTIFICATIONS_QUEUE, { connection: redis, prefix: config.redisPrefix });
  }

  async enqueue(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: 'notify.deliver',
        data: { deliveryId },
        // Retries are unbounded here: the processor gives a delivery up once it is older than the retry horizon.
        opts: { jobId: deliveryId, attempts: 10_000, backoff: { type: 'jittered' }, removeOnComplete: { count: 1_000 }, removeOnFail: { count: 1_000 } },
      })),
    );
  }

  /** Queues a delivery and waits for its processor to finish with it (the channel test). */
  async deliverAndWait(deliveryId: string, timeoutMs: number): Promise<void> {
    const events = await this.queueEvents();
    await this.enqueue([deliveryId]);
    const job = await this.queue.getJob(deliveryId);
    if (job) await job.waitUntilFinished(events, timeoutMs).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.events) await (await this.events).close();
    this.eventsConnection?.disconnect();
    await this.queue.close();
  }

  private queueEvents(): Promise<QueueEvents> {
    if (!this.events) {
      this.eventsConnection = createRedis(this.config.redisUrl);
      const listener = new QueueEvents(NOTIFICATIONS_QUEUE, { connection: this.eventsConnection, prefix: this.config.redisPrefix });
      this.events = listener.waitUntilReady().then(() => listener);
    }
    return this.events;
  }
}
