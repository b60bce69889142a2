// A key that holds its owner's token (a lease, a lock): only the owner may extend or delete it, checked and done
// in one step on the server, so an owner whose key expired and was taken cannot touch the new owner's.
import type { RedisConnection } from './redis';

const EXTEND_IF_MINE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const DELETE_IF_MINE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** True when the key still held `token` and now lives `ttlMs` more. */
export async function extendIfMine(redis: RedisConnection, key: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(EXTEND_IF_MINE, 1, key, token, ttlMs)) === 1;
}

export async function deleteIfMine(redis: RedisConnection, key: string, token: string): Promise<void> {
  await redis.eval(DELETE_IF_MINE, 1, key, token);
}
