import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CheckQueues } from './check-queues';
import { LiveEventPublisher } from './live-events';
import { NotificationQueue } from './notification-queue';
import { REDIS } from './queue.module.tokens';
import { createRedis } from './redis';

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({})
export class QueueModule {
  static forRoot(redisUrl: string): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      providers: [{ provide: REDIS, useFactory: () => createRedis(redisUrl) }, RedisCloser, CheckQueues, NotificationQueue, LiveEventPublisher],
      exports: [REDIS, CheckQueues, NotificationQueue, LiveEventPublisher],
    };
  }
}
