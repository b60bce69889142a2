// The SQL that turns check results into rollup counts, shared by the raw insert (which maintains the hourly
// rollups in the same statement) and by the history reads (which count raw results the same way), so a
// rollup and the raw results it came from can never disagree; and the sums of hourly rows into daily ones.

import { mergedPackedHistograms, packedHistogramOf } from './packed-histogram';

/** The counters of a rollup row, in table order. */
export const ROLLUP_COUNTERS = [
  'checks',
  'up',
  'failed',
  'missed',
  'status_5xx',
  'status_502',
  'status_503',
  'status_504',
  'timeouts',
  'latency_sum_ms',
  'downtime_seconds',
] as const;

export const ROLLUP_COUNT_MAPS = ['latency_histogram', 'status_counts'] as const;

const TIMEOUT_CODES = `('ETIMEDOUT', 'DNS_TIMEOUT')`;

/**
 * One row per result, with what the rollups count of it. Expects `result` (check_results columns);
 * `thresholds` is the SQL of the latency bucket thresholds array (LATENCY_BUCKET_THRESHOLDS_MS).
 * A MISSED record is a slot nobody checked: it counts as missed and nothing else. A failing check adds the
 * site's interval to downtime (see libs/domain/src/uptime/downtime.ts for why that is the definition); the
 * site is looked up for failing checks only.
 */
export function scoredResults(thresholds: string): string {
  return `
    result.site_id, result.target, result.region, result.slot, result.ok, result.status, result.error_code,
    result.total_ms::float8 AS total_ms,
    result.error_code IS NOT DISTINCT FROM 'MISSED' AS missed,
    width_bucket(result.total_ms::float8, ${thresholds}) AS latency_bucket,
    coalesce(result.status::text, result.error_code, CASE WHEN result.ok THEN 'ok' ELSE 'UNKNOWN' END) AS outcome,
    CASE WHEN NOT result.ok AND result.error_code IS DISTINCT FROM 'MISSED'
         THEN (SELECT site.interval_seconds FROM sites AS site WHERE site.id = result.site_id) ELSE 0 END AS down_seconds`;
}

/** Counts an aggregate of one column into a JSON object { value: count }; '{}' when there is nothing. */
function countsOf(column: string, filter: string): string {
  return `coalesce((SELECT jsonb_object_agg(value, n) FROM (
             SELECT value, count(*) AS n FROM unnest(array_agg(${column}) FILTER (WHERE ${filter})) AS value GROUP BY value
           ) AS counted), '{}'::jsonb)`;
}

/** The rollup columns aggregated over a group of scored results, in the order of ROLLUP_COUNTERS and ROLLUP_COUNT_MAPS. */
export const ROLLUP_AGGREGATES = `
    count(*) FILTER (WHERE NOT missed)::int AS checks,
    count(*) FILTER (WHERE NOT missed AND ok)::int AS up,
    count(*) FILTER (WHERE NOT missed AND NOT ok)::int AS failed,
    count(*) FILTER (WHERE missed)::int AS missed,
    count(*) FILTER (WHERE status BETWEEN 500 AND 599)::int AS status_5xx,
    count(*) FILTER (WHERE status = 502)::int AS status_502,
    count(*) FILTER (WHERE status = 503)::int AS status_503,
    count(*) FILTER (WHERE status = 504)::int AS status_504,
    count(*) FILTER (WHERE error_code IN ${TIMEOUT_CODES})::int AS timeouts,
    coalesce(sum(total_ms) FILTER (WHERE ok AND NOT missed), 0)::float8 AS latency_sum_ms,
    coalesce(sum(down_seconds), 0)::int AS downtime_seconds,
    ${packedHistogramOf(`array_agg(latency_bucket) FILTER (WHERE ok AND NOT missed)`)} AS latency_histogram,
    ${countsOf('outcome', 'NOT missed')} AS status_counts`;

/** `stored || added`, with the counts of keys present in both summed. */
function mergeCounts(table: string, column: string): string {
  return `${column} = ${table}.${column} || coalesce((
      SELECT jsonb_object_agg(key, value::int + coalesce((${table}.${column} ->> key)::int, 0))
        FROM jsonb_each_text(EXCLUDED.${column})), '{}'::jsonb)`;
}

/**
 * Adds the scored rows of the CTE `source` into one rollup table, bucketed by `bucketUnit` ('hour' | 'day',
 * UTC). Rows go in key order so concurrent writers lock rollup rows in the same order and cannot deadlock.
 */
export function upsertRollups(table: 'rollups_hourly' | 'rollups_daily', bucketUnit: 'hour' | 'day', source = 'scored'): string {
  const columns = ['site_id', 'bucket_start', 'target', 'region', ...ROLLUP_COUNTERS, ...ROLLUP_COUNT_MAPS];
  return `
  INSERT INTO ${table} AS rollup (${columns.join(', ')})
  SELECT site_id, date_trunc('${bucketUnit}', slot, 'UTC') AS bucket_start, target, region, ${ROLLUP_AGGREGATES}
    FROM ${source}
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, bucket_start, target, region) DO UPDATE SET
    ${ROLLUP_COUNTERS.map((counter) => `${counter} = rollup.${counter} + EXCLUDED.${counter}`).join(',\n    ')},
    latency_histogram = ${mergedPackedHistograms('rollup.latency_histogram', 'EXCLUDED.latency_histogram')},
    ${mergeCounts('rollup', 'status_counts')}`;
}

/**
 * The rollup columns summed over a group of rollup rows (a day's hours), in the order of ROLLUP_COUNTERS and
 * ROLLUP_COUNT_MAPS; the maps add up through the aggregates of the DailyRollupsAtDayClose migration.
 */
export const SUMMED_ROLLUPS = [
  ...ROLLUP_COUNTERS.map((counter) => `sum(${counter})::${counter === 'latency_sum_ms' ? 'float8' : 'int'} AS ${counter}`),
  'packed_histogram_sum(latency_histogram) AS latency_histogram',
  'counts_sum(status_counts) AS status_counts',
].join(', ');
