// The scheduler's leadership lives in Redis, so it survives a Postgres outage: a key holding this instance's id
// and a fencing epoch (INCR, so every new leader has a larger one), set only when absent and extended only by its
// holder. A leader that cannot extend it, or whose last extension is too old, stops enqueuing at once; another
// can take the key only after it has expired, by which time the old leader already counts itself out.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { deleteIfMine, extendIfMine, REDIS, RedisConnection } from '@hopwatch/queue';

// Short, because a leader killed outright leaves its lease to expire before a standby may lead: a gap under the
// shortest interval (5 s) delays slots without making any of them MISSED. The leader renews it every tick.
export const LEASE_MS = 4_000;
// A lease counts as held until this long before Redis would let it expire: clocks and round trips get the margin.
const SAFETY_MARGIN_MS = 1_000;


@Injectable()
export class SchedulerLease {
  readonly instanceId = randomUUID();
  private readonly key: string;
  private readonly epochKey: string;
  private value: string | null = null;
  private validUntil = 0;
  private heldEpoch: number | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.key = `${config.redisPrefix}:scheduler:leader`;
    this.epochKey = `${config.redisPrefix}:scheduler:leader-epoch`;
  }

  /** The fencing epoch of the lease this instance holds, or null. */
  get epoch(): number | null {
    return this.isValid() ? this.heldEpoch : null;
  }

  /** Takes the lease when nobody holds it; true when this instance now holds it. */
  async acquire(): Promise<boolean> {
    const startedAt = Date.now();
    const epoch = await this.redis.incr(this.epochKey);
    const value = `${this.instanceId}:${epoch}`;
    if ((await this.redis.set(this.key, value, 'PX', LEASE_MS, 'NX')) !== 'OK') return false;
    this.value = value;
    this.heldEpoch = epoch;
    this.validUntil = startedAt + LEASE_MS - SAFETY_MARGIN_MS;
    return true;
  }

  /** Extends the lease if this instance still holds it; false (and forgotten) when another holds it or it expired. */
  async renew(): Promise<boolean> {
    if (!this.value) return false;
    const startedAt = Date.now();
    if (!(await extendIfMine(this.redis, this.key, this.value, LEASE_MS))) {
      this.forget();
      return false;
    }
    this.validUntil = startedAt + LEASE_MS - SAFETY_MARGIN_MS;
    return true;
  }

  /** Held, as far as this instance can tell without asking Redis. */
  isValid(): boolean {
    return this.value !== null && Date.now() < this.validUntil;
  }

  async release(): Promise<void> {
    const value = this.value;
    this.forget();
    if (value) await deleteIfMine(this.redis, this.key, value);
  }

  private forget(): void {
    this.value = null;
    this.heldEpoch = null;
    this.validUntil = 0;
  }
}
