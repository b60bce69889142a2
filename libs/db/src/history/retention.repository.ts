// Purges raw check results older than the retention period in small batches, one site page at a time, so no
// statement holds row locks for long and nothing ever locks the table: a DELETE takes only ROW EXCLUSIVE,
// which inserts and reads pass freely. Each batch finds its rows through check_results_site_slot
// (site_id, slot DESC), so the cost follows the rows purged, not the size of the table. Rollups are untouched.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const SITES_PAGE = `SELECT id FROM sites WHERE id > $1 ORDER BY id LIMIT $2`;

// ctid: the rows were just found, so their physical address is the cheapest way back to them.
const DELETE_BATCH = `
  DELETE FROM check_results WHERE ctid = ANY(ARRAY(
    SELECT old.ctid FROM unnest($1::uuid[]) AS site(id)
     CROSS JOIN LATERAL (
       SELECT ctid FROM check_results WHERE site_id = site.id AND slot < to_timestamp($2) LIMIT $3
     ) AS old
     LIMIT $3))`;

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

  /** Deletes raw results with slots before `cutoff` (epoch seconds); returns how many. */
  async deleteRawBefore(cutoff: number, options: Partial<RetentionOptions> = {}): Promise<number> {
    const { batchSize, sitesPerPage, pauseMs, stopping } = { ...DEFAULTS, ...options };
    let deleted = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page: Array<{ id: string }> = await this.dataSource.query(SITES_PAGE, [after, sitesPerPage]);
      if (page.length === 0) return deleted;
      const ids = page.map((site) => site.id);
      for (;;) {
        if (stopping()) return deleted;
        const [, count]: [unknown, number] = await this.dataSource.query(DELETE_BATCH, [ids, cutoff, batchSize]);
        deleted += count;
        if (count < batchSize) break;
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      after = ids[ids.length - 1];
    }
  }
}
