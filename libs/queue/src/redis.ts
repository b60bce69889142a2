import { Cluster, Redis, RedisOptions } from 'ioredis';
import { Logger } from '@nestjs/common';
import { backoffDelay, dependencies, describeCause, HopwatchConfig, isConnectionFailure, ServiceUnreachableError } from '@hopwatch/platform';

/** A single server, or a Redis Cluster when REDIS_CLUSTER_NODES is set; every command we use works on both. */
export type RedisConnection = Redis | Cluster;

/** Where Redis is: the two settings of the config that say so. */
export type RedisSettings = Pick<HopwatchConfig, 'redisUrl' | 'redisClusterNodes'>;

const HOW_TO_START =
  'Start it with `redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no` ' +
  '(or `docker compose up -d redis`), or point REDIS_URL at a running server.';

const RECONNECT_BASE_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * BullMQ wants `maxRetriesPerRequest: null` on the connections its workers block on. While Redis is away the
 * connection retries with jittered exponential backoff and reports the outage once, not on every attempt.
 */
export function createRedis(settings: RedisSettings): RedisConnection {
  const reconnect = (attempt: number) => backoffDelay(attempt, RECONNECT_BASE_MS, RECONNECT_MAX_MS);
  const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy: reconnect };
  const redis = settings.redisClusterNodes.length > 0
    ? new Cluster(settings.redisClusterNodes.map(clusterNode), { redisOptions: options, clusterRetryStrategy: reconnect, enableReadyCheck: true })
    : new Redis(settings.redisUrl, options);
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

function clusterNode(entry: string): { host: string; port: number } {
  const colon = entry.lastIndexOf(':');
  return { host: entry.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(entry.slice(colon + 1)) };
}

/** At boot: one round trip to Redis (on a cluster, one that says the cluster is ok), or a message that says what to do. */
export async function assertRedisReachable(settings: RedisSettings): Promise<void> {
  const cluster = settings.redisClusterNodes.length > 0;
  const quick: RedisOptions = { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5_000 };
  const redis = cluster ? new Cluster(settings.redisClusterNodes.map(clusterNode), { lazyConnect: true, redisOptions: quick, clusterRetryStrategy: () => null }) : new Redis(settings.redisUrl, quick);
  let socketError: unknown = null;
  redis.on('error', (error) => (socketError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const address = cluster ? settings.redisClusterNodes.join(',') : hostOf(settings.redisUrl);
    const cause = describeCause(socketError ?? error);
    throw new ServiceUnreachableError(cluster ? 'Redis Cluster' : 'Redis', address, cause, HOW_TO_START);
  } finally {
    redis.disconnect();
  }
}

function hostOf(url: string): string {
  const address = new URL(url);
  return `${address.hostname}:${address.port || 6379}`;
}
