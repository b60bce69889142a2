import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { CheckQueues } from './check-queues';
import { LatenessBoard } from './lateness-board';
import { LiveEventPublisher } from './live-events';
import { NotificationQueue } from './notification-queue';
import { REDIS } from './queue.module.tokens';
import { createRedis, RedisConnection } from './redis';

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({})
export class QueueModule {
  /** `config`: the process's ConfigModule (REDIS_URL, the key prefix, the region). */
  static forRoot(config: DynamicModule): DynamicModule {
    return {
      module: QueueModule,
      imports: [config],
      providers: [
        { provide: REDIS, useFactory: (hopwatchConfig: HopwatchConfig) => createRedis(hopwatchConfig), inject: [HOPWATCH_CONFIG] },
        RedisCloser,
        CheckQueues,
        NotificationQueue,
        LiveEventPublisher,
        LatenessBoard,
      ],
      exports: [REDIS, CheckQueues, NotificationQueue, LiveEventPublisher, LatenessBoard],
    };
  }
}
