import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { REDIS, RedisConnection } from '@hopwatch/queue';
import { Infrastructure } from '@hopwatch/runtime';
import { RedisRateLimitStorage } from './redis-rate-limit.storage';
import { throttlers } from './throttlers';

/** Rate limits with their counters in Redis, shared by every API replica. The guard is registered by ApiModule. */
@Module({})
export class RateLimitsModule {
  static register({ config, queue }: Infrastructure): DynamicModule {
    return {
      module: RateLimitsModule,
      imports: [
        ThrottlerModule.forRootAsync({
          imports: [config, queue],
          inject: [HOPWATCH_CONFIG, REDIS],
          useFactory: (hopwatchConfig: HopwatchConfig, redis: RedisConnection) => ({
            throttlers: throttlers(hopwatchConfig),
            storage: new RedisRateLimitStorage(redis, hopwatchConfig.redisPrefix),
          }),
        }),
      ],
      exports: [ThrottlerModule],
    };
  }
}
