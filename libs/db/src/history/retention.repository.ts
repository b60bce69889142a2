// Row-by-row purges in small batches, so no statement holds row locks for long and nothing locks a table: a
// DELETE takes only ROW EXCLUSIVE, which inserts and reads pass freely. Two of them: raw results that landed in
// probe_results_default (slots outside every day partition, such as a late write of a long-gone day; whole days
// are dropped by ResultPartitionRepository), found by scanning that small partition; and hourly rollups past
// their retention, found per site page through the primary key (site_id, bucket_start, …), except the hours of a
// day marked dirty, which its daily row is still to be rebuilt from (DayCloseRepository). Daily rollups stay.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { siteIdPages } from '../sites/site-id-pages';

// ctid: the rows were just found, so their physical address is the cheapest way back to them.
const DELETE_DEFAULT_BATCH = `
  DELETE FROM probe_results_default WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM probe_results_default WHERE slot < to_timestamp($1) LIMIT $2))`;

const DELETE_HOURLY_BATCH = `
  DELETE FROM rollups_hourly WHERE ctid = ANY(ARRAY(
    SELECT old.ctid FROM unnest($3::uuid[]) AS site(id)
     CROSS JOIN LATERAL (
       SELECT ctid FROM rollups_hourly AS hourly
        WHERE site_id = site.id AND bucket_start < to_timestamp($1)
          AND NOT EXISTS (SELECT 1 FROM rollup_dirty_days AS dirty
                           WHERE dirty.site_id = site.id AND dirty.day = date_trunc('day', hourly.bucket_start, 'UTC'))
        LIMIT $2
     ) AS old
     LIMIT $2))`;

export type RetentionOptions = {
  batchSize: number;
  sitesPerPage: number;
  pauseMs: number;
  /** Asked between batches; true ends the purge early (the rest waits for the next run). */
  stopping: () => boolean;
};

const DEFAULTS: RetentionOptions = { batchSize: 5_000, sitesPerPage: 500, pauseMs: 10, stopping: () => false };

@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deletes the default partition's raw results with slots before `cutoff` (epoch seconds); returns how many. */
  async deleteUnpartitionedBefore(cutoff: number, options: Partial<RetentionOptions> = {}): Promise<number> {
    return this.deleteInBatches(DELETE_DEFAULT_BATCH, cutoff, { ...DEFAULTS, ...options });
  }

  /**
   * Deletes hourly rollups of hours before `cutoff` (epoch seconds), site page by site page; returns how many.
   * `cutoff` must not pass DayCloseRepository.hourlyPurgeBoundary.
   */
  async deleteHourlyRollupsBefore(cutoff: number, options: Partial<RetentionOptions> = {}): Promise<number> {
    const settings = { ...DEFAULTS, ...options };
    let deleted = 0;
    for await (const ids of siteIdPages(this.dataSource, settings.sitesPerPage)) {
      if (settings.stopping()) return deleted;
      deleted += await this.deleteInBatches(DELETE_HOURLY_BATCH, cutoff, settings, [ids]);
    }
    return deleted;
  }

  private async deleteInBatches(sql: string, cutoff: number, { batchSize, pauseMs, stopping }: RetentionOptions, extra: unknown[] = []): Promise<number> {
    let deleted = 0;
    for (;;) {
      if (stopping()) return deleted;
      const [, count]: [unknown, number] = await this.dataSource.query(sql, [cutoff, batchSize, ...extra]);
      deleted += count;
      if (count < batchSize) return deleted;
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
