import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { attachHops } from '../sites/attach-hops';
import { SiteEntity } from '../sites/site.entity';

/** Decides what happens to claimed sites; returns each site's new next_run_at. Runs inside the claim's transaction. */
export type ClaimHandler = (sites: SiteEntity[]) => Promise<Map<string, Date>>;

@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks up to `limit` due sites (skipping rows another scheduler holds), lets `handle` enqueue them,
   * then advances their next_run_at in the same transaction: if enqueueing throws, nothing moves.
   */
  async claimDue(limit: number, handle: ClaimHandler): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const sites = await manager
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
      if (sites.length === 0) return 0;
      await attachHops(manager, sites);
      const next = await handle(sites);
      await manager.query(
        `UPDATE sites SET next_run_at = advanced.next_run_at
           FROM unnest($1::uuid[], $2::timestamptz[]) AS advanced(id, next_run_at)
          WHERE sites.id = advanced.id`,
        [[...next.keys()], [...next.values()].map((date) => date.toISOString())],
      );
      return sites.length;
    });
  }
}
