import { Redis } from 'ioredis';
import { describeCause, ServiceUnreachableError } from '@hopwatch/platform';

const HOW_TO_START =
  'Start it with `redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no` ' +
  '(or `docker compose up -d redis`), or point REDIS_URL at a running server.';

/** BullMQ wants `maxRetriesPerRequest: null` on the connections its workers block on. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

export async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5_000 });
  let socketError: unknown = null;
  redis.on('error', (error) => (socketError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const address = new URL(url);
    const cause = describeCause(socketError ?? error);
    throw new ServiceUnreachableError('Redis', `${address.hostname}:${address.port || 6379}`, cause, HOW_TO_START);
  } finally {
    redis.disconnect();
  }
}
