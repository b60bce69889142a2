// Rate-limit counters in Redis, so every API replica counts against the same limits.
import { ThrottlerStorage } from '@nestjs/throttler';
import { dependencies } from '@hopwatch/platform';
import type { RedisConnection } from '@hopwatch/queue';

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

// Redis commands wait for a lost connection to return; the API does not wait with them.
const COUNT_TIMEOUT_MS = 500;
const UNCOUNTED: Record = { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };

/** While Redis is unreachable the limits fail open: the API keeps answering rather than hang on every request. */
export class RedisRateLimitStorage implements ThrottlerStorage {
  constructor(private readonly redis: RedisConnection, private readonly prefix: string) {}

  async increment(key: string, ttlMs: number, limit: number, blockDurationMs: number, throttlerName: string): Promise<Record> {
    const base = `${this.prefix}:rate:${throttlerName}:${key}`;
    if (!dependencies.isUp('redis')) return UNCOUNTED;
    const counted = this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttlMs, limit, blockDurationMs) as Promise<number[]>;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), COUNT_TIMEOUT_MS)));
    const answer = await Promise.race([counted, late]).finally(() => clearTimeout(timer));
    if (!answer) {
      counted.catch(() => undefined);
      return UNCOUNTED;
    }
    const [hits, windowMs, blockMs] = answer;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(windowMs / 1000)),
      isBlocked: blockMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }
}
