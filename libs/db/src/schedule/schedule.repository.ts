import { Injectable } from '@nestjs/common';
import { attachHops } from '../sites/attach-hops';
import { SiteEntity } from '../sites/site.entity';
import { Transaction } from '../unit-of-work';

@Injectable()
export class ScheduleRepository {
  /** Locks up to `limit` due sites with their hops, skipping rows another scheduler holds; the lock lasts as long as `tx`. */
  async lockDue(tx: Transaction, limit: number): Promise<SiteEntity[]> {
    const sites = await tx.manager
      .getRepository(SiteEntity)
      .createQueryBuilder('site')
      .where('NOT site.paused')
      .andWhere('site.next_run_at <= now()')
      .orderBy('site.next_run_at', 'ASC')
      .limit(limit)
      // NO KEY UPDATE, not UPDATE: result inserts take a key-share lock on the site row (their foreign key)
      // and must not wait for the scheduler's transaction.
      .setLock('for_no_key_update')
      .setOnLocked('skip_locked')
      .getMany();
    await attachHops(tx.manager, sites);
    return sites;
  }

  async advance(tx: Transaction, nextRunAt: Map<string, Date>): Promise<void> {
    if (nextRunAt.size === 0) return;
    await tx.manager.query(
      `UPDATE sites SET next_run_at = advanced.next_run_at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS advanced(id, next_run_at)
        WHERE sites.id = advanced.id`,
      [[...nextRunAt.keys()], [...nextRunAt.values()].map((date) => date.toISOString())],
    );
  }
}
