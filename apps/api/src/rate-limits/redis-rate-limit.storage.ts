// Rate-limit counters in Redis, so every API replica counts against the same limits.
import { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

type Record = { totalHits: number; timeToExpire: number; isBlocked: boolean; timeToBlockExpire: number };

// One round trip: count the hit, start the window on the first one, and block once the limit is passed.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowMs = redis.call('PTTL', KEYS[1])
local blockMs = redis.call('PTTL', KEYS[2])
if blockMs <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockMs = tonumber(ARGV[3])
end
return { hits, windowMs, blockMs }`;

export class RedisRateLimitStorage implements ThrottlerStorage {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async increment(key: string, ttlMs: number, limit: number, blockDurationMs: number, throttlerName: string): Promise<Record> {
    const base = `${this.prefix}:rate:${throttlerName}:${key}`;
    const [hits, windowMs, blockMs] = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttlMs, limit, blockDurationMs)) as number[];
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(windowMs / 1000)),
      isBlocked: blockMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }
}
