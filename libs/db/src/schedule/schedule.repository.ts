import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChainSpec } from '@hopwatch/domain';
import { attachHops } from '../sites/attach-hops';
import { toChainSpec } from '../sites/chain-spec';
import { SiteEntity } from '../sites/site.entity';
import { Transaction } from '../unit-of-work';
import { RawScheduleRow, SCHEDULE_COLUMNS, ScheduleRow, toScheduleRow } from './schedule-row';

// Sites whose chains are read per query: bounds the entities held at once when a scheduler first loads a large fleet.
const CHAIN_CHUNK = 5_000;

/** The last slot enqueued for a site and the regions that have stored nothing for it yet. */
export type UnfinishedSlot = { site: SiteEntity; slot: Date; regions: string[] };

@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every site's last enqueued slot that is not yet a whole interval old and that some of its regions have not stored
   * an entry result for: the jobs a Redis restart or flush may have taken with it.
   */
  async unfinishedSlots(): Promise<UnfinishedSlot[]> {
    const rows: Array<{ id: string; slot: Date; regions: string[] }> = await this.dataSource.query(
      `SELECT site.id, site.last_enqueued_slot AS slot, array_agg(region ORDER BY region) AS regions
         FROM sites AS site CROSS JOIN LATERAL unnest(site.regions) AS region
        WHERE NOT site.paused
          AND site.last_enqueued_slot > now() - make_interval(secs => site.interval_seconds)
          AND NOT EXISTS (SELECT 1 FROM check_results AS result
                           WHERE result.site_id = site.id AND result.region = region AND result.target = 'entry'
                             AND result.slot = site.last_enqueued_slot)
        GROUP BY site.id, site.last_enqueued_slot`,
    );
    if (rows.length === 0) return [];
    const sites = await this.dataSource.getRepository(SiteEntity).createQueryBuilder('site').where('site.id = ANY(:ids)', { ids: rows.map((row) => row.id) }).getMany();
    await attachHops(this.dataSource.manager, sites);
    const byId = new Map(sites.map((site) => [site.id, site]));
    return rows.flatMap((row) => {
      const site = byId.get(row.id);
      return site ? [{ site, slot: new Date(row.slot), regions: row.regions }] : [];
    });
  }

  /**
   * Locks up to `limit` due sites, skipping rows another scheduler holds; the lock lasts as long as `tx`. Only the
   * schedule columns are read: chains come from the scheduler's copy, or from `chainsOf` for sites edited since.
   */
  async lockDue(tx: Transaction, limit: number): Promise<ScheduleRow[]> {
    // NO KEY UPDATE, not UPDATE: result inserts take a key-share lock on the site row (their foreign key) and must
    // not wait for the scheduler's transaction. The order is the column's, not the selected epoch of the same name:
    // only then does the walk of sites_due stop after `limit` rows instead of scanning and sorting every site.
    const rows: RawScheduleRow[] = await tx.manager.query(
      `SELECT ${SCHEDULE_COLUMNS} FROM sites WHERE NOT paused AND sites.next_run_at <= now()
        ORDER BY sites.next_run_at LIMIT $1 FOR NO KEY UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toScheduleRow);
  }

  /** Each given site's chain as it is stored now (sites deleted meanwhile are absent), read in chunks. */
  async chainsOf(ids: string[], tx: Transaction | null = null): Promise<Map<string, ChainSpec>> {
    const manager = tx?.manager ?? this.dataSource.manager;
    const chains = new Map<string, ChainSpec>();
    for (let start = 0; start < ids.length; start += CHAIN_CHUNK) {
      const sites = await manager.getRepository(SiteEntity).createQueryBuilder('site').where('site.id = ANY(:ids)', { ids: ids.slice(start, start + CHAIN_CHUNK) }).getMany();
      await attachHops(manager, sites);
      for (const site of sites) chains.set(site.id, toChainSpec(site));
    }
    return chains;
  }

  /** Moves each site's next_run_at; the slot just enqueued is the one an interval before it (see planDueSlots). */
  async advance(tx: Transaction, nextRunAt: Map<string, Date>): Promise<void> {
    if (nextRunAt.size === 0) return;
    await tx.manager.query(
      `UPDATE sites SET next_run_at = advanced.next_run_at,
                        last_enqueued_slot = advanced.next_run_at - make_interval(secs => sites.interval_seconds)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS advanced(id, next_run_at)
        WHERE sites.id = advanced.id`,
      [[...nextRunAt.keys()], [...nextRunAt.values()].map((date) => date.toISOString())],
    );
  }
}
