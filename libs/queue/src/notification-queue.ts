import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { NOTIFICATIONS_QUEUE, NotifyJob } from './jobs';
import { REDIS } from './queue.module.tokens';

/** Producer side of `notifications`: one job per delivery, its id the delivery's, so a delivery is queued once. */
@Injectable()
export class NotificationQueue implements OnApplicationShutdown {
  readonly queue: Queue<NotifyJob>;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
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

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
