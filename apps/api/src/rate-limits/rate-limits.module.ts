import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { REDIS } from '@hopwatch/queue';
import { RedisRateLimitStorage } from './redis-rate-limit.storage';
import { throttlers } from './throttlers';

/** Rate limits with their counters in Redis, shared by every API replica. The guard is registered by ApiModule. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [HOPWATCH_CONFIG, REDIS],
      useFactory: (config: HopwatchConfig, redis: Redis) => ({
        throttlers: throttlers(config),
        storage: new RedisRateLimitStorage(redis, config.redisPrefix),
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitsModule {}
