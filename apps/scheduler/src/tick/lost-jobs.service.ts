// Postgres holds the schedule, Redis the queued jobs. When Redis comes back empty (restarted without persistence,
// or flushed), the jobs of the slots already claimed are gone; this puts them back. A marker key tells: it is set
// once, and its absence means Redis lost its data (or this is the first start, when the check is harmless).
// Re-adding is safe: a job still queued keeps its deterministic id, and a slot already stored is not selected.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ScheduleRepository, toChainSpec } from '@hopwatch/db';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { CheckJob, CheckQueues, REDIS, RedisConnection } from '@hopwatch/queue';
import { reenqueuedChecks } from './scheduler.metrics';

const CHECK_EVERY_MS = 1_000;

@Injectable()
export class LostJobsService {
  private readonly logger = new Logger(LostJobsService.name);
  private lastCheck = 0;

  constructor(
    private readonly schedule: ScheduleRepository,
    private readonly queues: CheckQueues,
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  /** At most once a second: when Redis has lost its data, re-enqueue every claimed slot not stored yet. */
  async recoverIfLost(now = Date.now()): Promise<number> {
    if (now - this.lastCheck < CHECK_EVERY_MS) return 0;
    this.lastCheck = now;
    const marker = `${this.config.redisPrefix}:scheduler:redis-epoch`;
    const fresh = await this.redis.set(marker, new Date(now).toISOString(), 'NX');
    if (fresh !== 'OK') return 0;
    return this.reenqueueUnfinished();
  }

  async reenqueueUnfinished(): Promise<number> {
    const unfinished = await this.schedule.unfinishedSlots();
    const jobs: CheckJob[] = unfinished.flatMap(({ site, slot, regions }) => {
      const spec = toChainSpec(site);
      return regions.map((region) => ({ siteId: site.id, region, slot: Math.round(slot.getTime() / 1000), intervalSeconds: site.intervalSeconds, spec }));
    });
    await this.queues.enqueue(jobs);
    reenqueuedChecks.inc(jobs.length);
    if (jobs.length > 0) this.logger.warn(`Redis had lost its queued checks: re-enqueued ${jobs.length} claimed slots not stored yet`);
    return jobs.length;
  }
}
