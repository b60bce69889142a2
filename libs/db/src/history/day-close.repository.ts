// Builds daily rollups from hourly ones once their day has closed, instead of upserting a daily row with every
// result batch (the daily upsert was a third of the result insert). See the DailyRollupsAtDayClose migration for
// the tables and daily-rollups.sql.ts for how reads stay exact meanwhile.
// - A day closes once no transaction that began before its end is still running: a writer decides whether its
//   results are late by its transaction's start (now()), so after that every result of the day either is visible
//   to the close or has marked its (site, day) dirty.
// - A dirty day is rebuilt from its hours; deleting the mark waits for a writer still holding it (see
//   CheckResultRepository), so the rebuild, a later statement of the same transaction, sees that writer's hours.
// - hourly_kept_since moves forward only, and never past the days closed: hours before it may be purged, so only
//   once the writes that began before it moved have ended (hourlyPurgeBoundary).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { siteIdPages } from '../sites/site-id-pages';
import { ROLLUP_COUNTERS, ROLLUP_COUNT_MAPS, SUMMED_ROLLUPS } from './rollup.sql';

const ROLLUP_COLUMNS = [...ROLLUP_COUNTERS, ...ROLLUP_COUNT_MAPS];

/** The daily rows of the given (site, day) pairs ($1 uuid[], $2 timestamptz[]) rebuilt from their hours. */
const REBUILD_DAYS = `
  INSERT INTO rollups_daily AS daily (site_id, bucket_start, target, region, ${ROLLUP_COLUMNS.join(', ')})
  SELECT hourly.site_id, day.start, hourly.target, hourly.region, ${SUMMED_ROLLUPS}
    FROM unnest($1::uuid[], $2::timestamptz[]) AS day(site_id, start)
    JOIN rollups_hourly AS hourly
      ON hourly.site_id = day.site_id AND hourly.bucket_start >= day.start AND hourly.bucket_start < day.start + interval '1 day'
   GROUP BY hourly.site_id, day.start, hourly.target, hourly.region
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, bucket_start, target, region) DO UPDATE SET
    ${ROLLUP_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

const TAKE_DIRTY = `
  DELETE FROM rollup_dirty_days AS dirty USING (
    SELECT site_id, day FROM rollup_dirty_days, rollup_progress AS progress
     WHERE day < progress.days_closed_before ORDER BY marked_at LIMIT $1
  ) AS taken
   WHERE dirty.site_id = taken.site_id AND dirty.day = taken.day
  RETURNING dirty.site_id, dirty.day`;

const RUNNING_SINCE_BEFORE = `
  SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                  WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
                    AND backend_type = 'client backend' AND xact_start < to_timestamp($1)) AS running`;

/** Epoch seconds; hourlyKeptSince is -Infinity until the first housekeeping round sets it. */
export type RollupProgress = { daysClosedBefore: number; hourlyKeptSince: number };

export type CloseOptions = { sitesPerPage: number; stopping: () => boolean };

@Injectable()
export class DayCloseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async progress(): Promise<RollupProgress> {
    const [row] = await this.dataSource.query(
      `SELECT extract(epoch FROM days_closed_before)::float8 AS closed, extract(epoch FROM hourly_kept_since)::float8 AS kept FROM rollup_progress`,
    );
    return { daysClosedBefore: row.closed, hourlyKeptSince: row.kept };
  }

  /** True while a transaction that began before `instant` (epoch seconds) is still running in this database. */
  async transactionsBegunBefore(instant: number): Promise<boolean> {
    const [row] = await this.dataSource.query(RUNNING_SINCE_BEFORE, [instant]);
    return row.running;
  }

  /**
   * Rebuilds every site's daily rows of `day` (epoch seconds, the first day not closed) from its hours, a page of
   * sites per statement, then marks the day closed. False, with nothing marked, when stopped part way.
   */
  async closeDay(day: number, { sitesPerPage, stopping }: CloseOptions): Promise<boolean> {
    const start = new Date(day * 1000).toISOString();
    for await (const ids of siteIdPages(this.dataSource, sitesPerPage)) {
      if (stopping()) return false;
      await this.dataSource.query(REBUILD_DAYS, [ids, ids.map(() => start)]);
    }
    await this.dataSource.query(
      `UPDATE rollup_progress SET days_closed_before = days_closed_before + interval '1 day' WHERE days_closed_before = $1::timestamptz`,
      [start],
    );
    return true;
  }

  /** Rebuilds up to `limit` dirty days of closed days, the longest-marked first; returns how many. */
  async rebuildDirtyDays(limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [taken]: [Array<{ site_id: string; day: Date }>, number] = await manager.query(TAKE_DIRTY, [limit]);
      if (taken.length > 0) await manager.query(REBUILD_DAYS, [taken.map((row) => row.site_id), taken.map((row) => row.day.toISOString())]);
      return taken.length;
    });
  }

  /** Moves hourly_kept_since forward to `since` (epoch seconds), but never past the days closed. */
  async keepHourlySince(since: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE rollup_progress SET hourly_kept_since = least(to_timestamp($1), days_closed_before)
        WHERE hourly_kept_since < least(to_timestamp($1), days_closed_before)`,
      [since],
    );
  }

  /**
   * Where hourly rollups may be purged up to (epoch seconds): hourly_kept_since once every write that may have
   * read an older value has ended, waiting up to `waitMs` for them; null if they are still running.
   */
  async hourlyPurgeBoundary(waitMs: number): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT extract(epoch FROM hourly_kept_since)::float8 AS kept, extract(epoch FROM clock_timestamp())::float8 AS read_at FROM rollup_progress`,
    );
    const deadline = Date.now() + waitMs;
    while (await this.transactionsBegunBefore(row.read_at)) {
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return row.kept;
  }
}
