// The history reads: totals of a range, chart series and the site list's summaries, from rollups (and raw
// results for partial hours). Every lookup rests on an index (history.repository.int-spec.ts EXPLAINs them):
// rollups by their primary key (site_id, bucket_start, target, region); raw results (the check_results view)
// by the site's series (probe_series_key) and then probe_results_one_per_slot (series_id, slot) in each day
// partition the range touches, read backwards for a region's newest entry check.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ceilTo, ENTRY_TARGET, LATENCY_BUCKET_THRESHOLDS_MS, TimeRange, UptimeTotals } from '@hopwatch/domain';
import { dailyRollupRows } from './daily-rollups.sql';
import { BucketTotals, RangeSources, SeriesQuery, SeriesTotals, SiteSummary } from './history.types';
import { unpackHistogram } from './packed-histogram';
import { preparedQuery } from './prepared-query';
import { ROLLUP_AGGREGATES, scoredResults } from './rollup.sql';
import { recentCheckFloor } from '../checks/compact-result.sql';

type TotalsRow = {
  checks: number;
  up: number;
  failed: number;
  missed: number;
  status_5xx: number;
  status_502: number;
  status_503: number;
  status_504: number;
  timeouts: number;
  latency_sum_ms: number;
  downtime_seconds: number;
  latency_histogram: number[];
  status_counts: Record<string, number>;
};

const TOTALS_COLUMNS = `checks, up, failed, missed, status_5xx, status_502, status_503, status_504, timeouts,
  latency_sum_ms, downtime_seconds, latency_histogram, status_counts`;

/** Raw results of one site in a slot range, scored as the rollups score them. */
function rawScored(siteParam: string, fromParam: string, toParam: string, thresholdsParam: string): string {
  return `(SELECT ${scoredResults(`${thresholdsParam}::float8[]`)}
             FROM check_results AS result
            WHERE result.site_id = ${siteParam} AND result.slot >= to_timestamp(${fromParam}) AND result.slot < to_timestamp(${toParam})
          ) AS scored`;
}

const RANGE_TOTALS = `
  SELECT target, region, ${TOTALS_COLUMNS} FROM ${dailyRollupRows({ site: '$1', from: 'to_timestamp($2)', to: 'to_timestamp($3)' })}
  UNION ALL
  SELECT target, region, ${TOTALS_COLUMNS} FROM rollups_hourly
   WHERE site_id = $1 AND bucket_start >= to_timestamp($4) AND bucket_start < to_timestamp($5)
  UNION ALL
  SELECT target, region, ${TOTALS_COLUMNS} FROM rollups_hourly
   WHERE site_id = $1 AND bucket_start >= to_timestamp($6) AND bucket_start < to_timestamp($7)
  UNION ALL
  SELECT target, region, ${ROLLUP_AGGREGATES} FROM ${rawScored('$1', '$8', '$9', '$12')} GROUP BY target, region
  UNION ALL
  SELECT target, region, ${ROLLUP_AGGREGATES} FROM ${rawScored('$1', '$10', '$11', '$12')} GROUP BY target, region`;

const HOURLY_SERIES = `
  SELECT extract(epoch FROM bucket_start)::float8 AS bucket_start, region, ${TOTALS_COLUMNS} FROM rollups_hourly
   WHERE site_id = $1 AND target = $2 AND bucket_start >= to_timestamp($3) AND bucket_start < to_timestamp($4)
     AND ($5::varchar IS NULL OR region = $5)`;

/** $3 and $4 are whole days. */
const DAILY_SERIES = `
  SELECT extract(epoch FROM bucket_start)::float8 AS bucket_start, region, ${TOTALS_COLUMNS}
    FROM ${dailyRollupRows({ site: '$1', from: 'to_timestamp($3)', to: 'to_timestamp($4)', target: '$2::varchar' })}
   WHERE $5::varchar IS NULL OR region = $5`;

const RAW_SERIES = `
  SELECT extract(epoch FROM date_bin('5 minutes', slot, to_timestamp(0)))::float8 AS bucket_start, region, ${ROLLUP_AGGREGATES}
    FROM ${rawScored('$1', '$3', '$4', '$6')}
   WHERE target = $2 AND ($5::varchar IS NULL OR region = $5)
   GROUP BY 1, region`;

/**
 * One statement for a page of sites: uptime from the entry's rollups (the current hour and the 23 before
 * it; today and the 29 days before, UTC) and each region's newest entry check, if it is recent: newer
 * than three intervals and two minutes.
 */
const SITE_SUMMARIES = `
  SELECT site.id AS site_id,
         coalesce(day.checks, 0)::int AS day_checks, coalesce(day.up, 0)::int AS day_up,
         coalesce(month.checks, 0)::int AS month_checks, coalesce(month.up, 0)::int AS month_up,
         coalesce(latest.oks, '{}') AS latest_oks
    FROM sites AS site
    LEFT JOIN LATERAL (
      SELECT sum(checks) AS checks, sum(up) AS up FROM rollups_hourly AS rollup
       WHERE rollup.site_id = site.id AND rollup.bucket_start >= to_timestamp($2) AND rollup.target = '${ENTRY_TARGET}'
    ) AS day ON true
    LEFT JOIN LATERAL (
      SELECT sum(checks) AS checks, sum(up) AS up
        FROM ${dailyRollupRows({ site: 'site.id', from: 'to_timestamp($3)', to: "'infinity'::timestamptz", target: `'${ENTRY_TARGET}'`, checksAndUpOnly: true })}
    ) AS month ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(newest.ok) AS oks FROM unnest(site.regions) AS region(name)
       CROSS JOIN LATERAL (
         SELECT result.ok FROM check_results AS result
          WHERE result.site_id = site.id AND result.slot >= to_timestamp($4) - make_interval(secs => site.interval_seconds * 3 + 120)
            AND result.slot >= ${recentCheckFloor('to_timestamp($4)')}
            AND result.target = '${ENTRY_TARGET}' AND result.region = region.name AND result.error_code IS DISTINCT FROM 'MISSED'
          ORDER BY result.slot DESC LIMIT 1
       ) AS newest
    ) AS latest ON true
   WHERE site.id = ANY($1::uuid[])`;

type SummaryRow = { site_id: string; day_checks: number; day_up: number; month_checks: number; month_up: number; latest_oks: boolean[] };

const HOUR = 3_600;
const DAY = 86_400;

function toTotals(row: TotalsRow): UptimeTotals {
  return {
    checks: row.checks,
    up: row.up,
    failed: row.failed,
    missed: row.missed,
    status5xx: row.status_5xx,
    status502: row.status_502,
    status503: row.status_503,
    status504: row.status_504,
    timeouts: row.timeouts,
    latencySumMs: row.latency_sum_ms,
    downtimeSeconds: row.downtime_seconds,
    latencyHistogram: unpackHistogram(row.latency_histogram),
    statusCounts: row.status_counts,
  };
}

const bounds = (range: TimeRange) => [range.from, range.to];

@Injectable()
export class HistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Totals per (target, region) for each part of a range; parts of the same series still need adding up. */
  async rangeTotals(siteId: string, sources: RangeSources): Promise<SeriesTotals[]> {
    const rows = await preparedQuery<TotalsRow & { target: string; region: string }>(this.dataSource, 'history_range_totals', RANGE_TOTALS, [
      siteId,
      ...bounds(sources.daily),
      ...bounds(sources.hourly[0]),
      ...bounds(sources.hourly[1]),
      ...bounds(sources.raw[0]),
      ...bounds(sources.raw[1]),
      LATENCY_BUCKET_THRESHOLDS_MS,
    ]);
    return rows.map((row) => ({ target: row.target, region: row.region, totals: toTotals(row) }));
  }

  /** One target's totals per bucket and region: 5-minute buckets from raw results, hours and days from rollups. */
  async series(query: SeriesQuery, bucketSeconds: number): Promise<BucketTotals[]> {
    const base = [query.siteId, query.target, query.from, query.to, query.region];
    type Row = TotalsRow & { bucket_start: number; region: string };
    const rows =
      bucketSeconds === HOUR
        ? await preparedQuery<Row>(this.dataSource, 'history_series_hourly', HOURLY_SERIES, base)
        : bucketSeconds === DAY
          ? await preparedQuery<Row>(this.dataSource, 'history_series_daily', DAILY_SERIES, base)
          : await preparedQuery<Row>(this.dataSource, 'history_series_raw', RAW_SERIES, [...base, LATENCY_BUCKET_THRESHOLDS_MS]);
    return rows.map((row) => ({ bucketStart: row.bucket_start, region: row.region, totals: toTotals(row) }));
  }

  /** Summaries for a page of sites, in one statement. `now` in epoch seconds. */
  async siteSummaries(siteIds: string[], now: number): Promise<Map<string, SiteSummary>> {
    if (siteIds.length === 0) return new Map();
    const seconds = Math.floor(now);
    const hourStart = seconds - (seconds % HOUR);
    const dayStart = seconds - (seconds % DAY);
    const rows = await preparedQuery<SummaryRow>(
      this.dataSource,
      'history_site_summaries',
      SITE_SUMMARIES,
      [siteIds, hourStart - 23 * HOUR, dayStart - 29 * DAY, seconds],
      { withoutJit: true },
    );
    return new Map(
      rows.map((row) => [
        row.site_id,
        {
          siteId: row.site_id,
          latestEntryOk: row.latest_oks,
          last24h: { checks: row.day_checks, up: row.day_up },
          last30d: { checks: row.month_checks, up: row.month_up },
        },
      ]),
    );
  }
}
