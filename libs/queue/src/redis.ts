import { Redis } from 'ioredis';
import { Logger } from '@nestjs/common';
import { backoffDelay, dependencies, describeCause, isConnectionFailure, ServiceUnreachableError } from '@hopwatch/platform';

const HOW_TO_START =
  'Start it with `redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no` ' +
  '(or `docker compose up -d redis`), or point REDIS_URL at a running server.';

const RECONNECT_BASE_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * BullMQ wants `maxRetriesPerRequest: null` on the connections its workers block on. While Redis is away the
 * connection retries with jittered exponential backoff and reports the outage once, not on every attempt.
 */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => backoffDelay(attempt, RECONNECT_BASE_MS, RECONNECT_MAX_MS),
  });
  // Only the dependency monitor's probe declares Redis back: connections return one by one, each on its own backoff.
  redis.on('error', (error) => dependencies.down('redis', describeCause(error)));
  return redis;
}

/** An error event of a queue, worker or listener: a lost connection is reported once as an outage, anything else logged. */
export function queueErrorHandler(logger: Logger, source: string): (error: Error) => void {
  return (error) => {
    if (isConnectionFailure(error)) dependencies.down('redis', describeCause(error));
    else logger.error(`${source}: ${error.message}`);
  };
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
