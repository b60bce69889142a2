// A site's daily rollups as the history reads see them. A closed day (before rollup_progress.days_closed_before)
// has its stored daily row, unless a late result has marked the day dirty since; a day not closed yet, or a dirty
// one, is its hourly rows summed. A late result commits its hourly row and its dirty mark together, and the day
// close rewrites the daily row and clears the mark together, so a reader sees each day counted exactly once.
import { ROLLUP_COUNTERS, ROLLUP_COUNT_MAPS, SUMMED_ROLLUPS } from './rollup.sql';

export type DailyRowsQuery = {
  /** SQL of the site id. */
  site: string;
  /** SQL of the first day's start and the end (exclusive), both whole UTC days. */
  from: string;
  to: string;
  /** SQL of the one target to read; all targets when absent. */
  target?: string;
  /** Only the checks and up counters instead of every rollup column. */
  checksAndUpOnly?: boolean;
};

/**
 * A FROM item (alias `daily`) with the columns bucket_start, target, region and the rollup columns: one row per
 * day, target and region, since the three parts below never cover the same day of the site.
 */
export function dailyRollupRows(query: DailyRowsQuery): string {
  const stored = query.checksAndUpOnly ? 'stored.checks, stored.up' : [...ROLLUP_COUNTERS, ...ROLLUP_COUNT_MAPS].map((column) => `stored.${column}`).join(', ');
  const summed = query.checksAndUpOnly ? 'sum(hourly.checks)::int AS checks, sum(hourly.up)::int AS up' : SUMMED_ROLLUPS;
  const target = (alias: string) => (query.target ? `AND ${alias}.target = ${query.target}` : '');
  // The site's dirty days of the range, read once: almost always none, and then each stored row costs no probe.
  const dirtyDays = `ARRAY(SELECT dirty.day FROM rollup_dirty_days AS dirty
                            WHERE dirty.site_id = ${query.site} AND dirty.day >= ${query.from} AND dirty.day < ${query.to})`;
  return `(
    SELECT stored.bucket_start, stored.target, stored.region, ${stored}
      FROM rollups_daily AS stored CROSS JOIN rollup_progress AS progress
     WHERE stored.site_id = ${query.site} AND stored.bucket_start >= ${query.from}
       AND stored.bucket_start < least(${query.to}, progress.days_closed_before) ${target('stored')}
       AND stored.bucket_start <> ALL (${dirtyDays})
    UNION ALL
    SELECT date_trunc('day', hourly.bucket_start, 'UTC'), hourly.target, hourly.region, ${summed}
      FROM rollups_hourly AS hourly CROSS JOIN rollup_progress AS progress
     WHERE hourly.site_id = ${query.site} AND hourly.bucket_start >= greatest(${query.from}, progress.days_closed_before)
       AND hourly.bucket_start < ${query.to} ${target('hourly')}
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT dirty.day, hourly.target, hourly.region, ${summed}
      FROM unnest(${dirtyDays}) AS dirty(day) CROSS JOIN rollup_progress AS progress
      JOIN rollups_hourly AS hourly
        ON hourly.site_id = ${query.site} AND hourly.bucket_start >= dirty.day AND hourly.bucket_start < dirty.day + interval '1 day'
     WHERE dirty.day < progress.days_closed_before ${target('hourly')}
     GROUP BY 1, 2, 3
  ) AS daily`;
}
