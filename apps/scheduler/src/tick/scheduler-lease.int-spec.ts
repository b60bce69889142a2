import { Redis } from 'ioredis';
import { testConfig } from '../../../../test/support/test-config';
import { SchedulerLease } from './scheduler-lease';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SchedulerLease (real Redis)', () => {
  const config = testConfig('postgres://postgres@127.0.0.1:5432/unused');
  const redis = new Redis('redis://127.0.0.1:6379');
  const leaseKey = `${config.redisPrefix}:scheduler:leader`;

  afterAll(async () => {
    await redis.del(leaseKey, `${config.redisPrefix}:scheduler:leader-epoch`);
    await redis.quit();
  });

  it('is held by one instance at a time, each new holder with a larger fencing epoch', async () => {
    const first = new SchedulerLease(redis, config);
    const second = new SchedulerLease(redis, config);

    const attempts = await Promise.all([first.acquire(), second.acquire()]);
    expect(attempts.filter(Boolean)).toHaveLength(1);
    const [holder, other] = attempts[0] ? [first, second] : [second, first];
    expect(await redis.get(leaseKey)).toBe(`${holder.instanceId}:${holder.epoch}`);
    expect([await holder.renew(), await other.renew(), other.isValid()]).toEqual([true, false, false]);

    const firstEpoch = holder.epoch as number;
    await holder.release();
    expect(holder.isValid()).toBe(false);
    expect(await other.acquire()).toBe(true);
    expect(other.epoch).toBeGreaterThan(firstEpoch);
    await other.release();
  });

  it('stops a holder whose lease was taken over (expired, or Redis lost it): it cannot extend it any more', async () => {
    const old = new SchedulerLease(redis, config);
    const next = new SchedulerLease(redis, config);
    expect(await old.acquire()).toBe(true);
    // As if the old leader had stalled past the lease and the key had expired.
    await redis.del(leaseKey);
    expect(await next.acquire()).toBe(true);

    expect(await old.renew()).toBe(false);
    expect(old.isValid()).toBe(false);
    expect(await redis.get(leaseKey)).toBe(`${next.instanceId}:${next.epoch}`);
    // A stale holder releasing does not free the new holder's lease.
    await old.release();
    expect(await next.renew()).toBe(true);
    await next.release();
  });

  it('renewal keeps the key alive past its first expiry', async () => {
    const lease = new SchedulerLease(redis, config);
    expect(await lease.acquire()).toBe(true);
    const ttl = await redis.pttl(leaseKey);
    expect(ttl).toBeGreaterThan(3_000);
    await sleep(200);
    expect(await lease.renew()).toBe(true);
    expect(await redis.pttl(leaseKey)).toBeGreaterThan(ttl - 100);
    await lease.release();
    expect(await redis.exists(leaseKey)).toBe(0);
  });
});
