import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { JobQueue } from './job-queue';
import { NOTIFICATIONS_QUEUE } from './jobs';
import { REDIS } from './queue.module.tokens';
import type { RedisConnection } from './redis';

// Retries are unbounded here: the processor gives a delivery up once it is older than the retry horizon.
const DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 10_000,
  backoff: { type: 'jittered' },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 1_000 },
};

/** Producer side of `notifications`: one job per delivery, its id the delivery's, so a delivery is queued once. */
@Injectable()
export class NotificationQueue implements OnApplicationShutdown {
  private readonly queue: JobQueue<'notifications'>;

  constructor(@Inject(REDIS) redis: RedisConnection, @Inject(HOPWATCH_CONFIG) config: HopwatchConfig) {
    this.queue = new JobQueue(NOTIFICATIONS_QUEUE, { redis, settings: config, prefix: config.redisPrefix });
  }

  enqueue(deliveryIds: string[]): Promise<void> {
    return this.queue.enqueue(
      'notify.deliver',
      deliveryIds.map((deliveryId) => ({ data: { deliveryId }, opts: { ...DELIVERY_JOB_OPTIONS, jobId: deliveryId } })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
