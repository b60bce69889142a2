// The sites page in one statement: a page of sites with their state now, hourly entry counts and latency
// histogram of the last 24 hours, 30-day counts, and the open incident. Rollups by their primary key
// (site_id, bucket_start, …), newest checks by probe_series_key then probe_results_one_per_slot (series_id, slot), incidents by incidents_one_open_per_site.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addCountsInto, ENTRY_TARGET, HourCounts, LatencyHistogram } from '@hopwatch/domain';
import { inMaintenance, latestEntryOks } from '../sites/site-state.sql';
import { dailyRollupRows } from './daily-rollups.sql';
import { unpackHistogram } from './packed-histogram';
import { preparedQuery } from './prepared-query';

const SITE_OVERVIEW = `
  WITH page AS (
    SELECT site.*, count(*) OVER () AS total FROM sites AS site
     WHERE site.tags @> $1::text[] AND ($2::text IS NULL OR site.name ILIKE '%' || $2::text || '%')
     ORDER BY site.created_at, site.id
     LIMIT $3 OFFSET $4
  )
  SELECT site.id, site.name, site.url, site.tags, site.paused, site.regions, site.interval_seconds, site.total::int AS total,
         latest.oks AS latest_oks, ${inMaintenance('$5::timestamptz')} AS in_maintenance,
         coalesce(hours.starts, '{}') AS hour_starts, coalesce(hours.checks, '{}') AS hour_checks, coalesce(hours.ups, '{}') AS hour_ups,
         coalesce(hours.histograms, '[]'::jsonb) AS hour_histograms,
         coalesce(month.checks, 0)::int AS month_checks, coalesce(month.up, 0)::int AS month_up,
         incident.id AS incident_id, incident.pattern AS incident_pattern, incident.cause AS incident_cause,
         incident.failing_hop AS incident_failing_hop, incident.reported_by AS incident_reported_by,
         incident.gateway AS incident_gateway, incident.started_at AS incident_started_at,
         incident.diagnosis ->> 'summary' AS incident_summary
    FROM page AS site
   CROSS JOIN ${latestEntryOks('$5::timestamptz')} AS latest
    LEFT JOIN LATERAL (
      SELECT array_agg(extract(epoch FROM rollup.bucket_start)::int) AS starts, array_agg(rollup.checks) AS checks,
             array_agg(rollup.up) AS ups, jsonb_agg(rollup.latency_histogram) AS histograms
        FROM rollups_hourly AS rollup
       WHERE rollup.site_id = site.id AND rollup.bucket_start >= to_timestamp($6) AND rollup.target = '${ENTRY_TARGET}'
    ) AS hours ON true
    LEFT JOIN LATERAL (
      SELECT sum(daily.checks) AS checks, sum(daily.up) AS up
        FROM ${dailyRollupRows({ site: 'site.id', from: 'to_timestamp($7)', to: "'infinity'::timestamptz", target: `'${ENTRY_TARGET}'`, checksAndUpOnly: true })}
    ) AS month ON true
    LEFT JOIN incidents AS incident ON incident.site_id = site.id AND incident.status = 'open'
   ORDER BY site.created_at, site.id`;

type OverviewRow = {
  id: string;
  name: string;
  url: string;
  tags: string[];
  paused: boolean;
  regions: string[];
  interval_seconds: number;
  total: number;
  latest_oks: boolean[];
  in_maintenance: boolean;
  hour_starts: number[];
  hour_checks: number[];
  hour_ups: number[];
  hour_histograms: number[][];
  month_checks: number;
  month_up: number;
  incident_id: string | null;
  incident_pattern: string | null;
  incident_cause: string | null;
  incident_failing_hop: string | null;
  incident_reported_by: string | null;
  incident_gateway: string | null;
  incident_started_at: Date | null;
  incident_summary: string | null;
};

export type OpenIncidentBrief = {
  id: string;
  pattern: string;
  cause: string;
  failingHop: string | null;
  reportedBy: string | null;
  gateway: string;
  startedAt: Date;
  summary: string | null;
};

export type SiteOverviewRow = {
  id: string;
  name: string;
  url: string;
  tags: string[];
  paused: boolean;
  regions: string[];
  intervalSeconds: number;
  latestEntryOk: boolean[];
  inMaintenance: boolean;
  /** Entry counts per hour (and region) since `stripFrom`. */
  hours: HourCounts[];
  /** Entry latency histogram of the same hours (successful checks). */
  latencyHistogram: LatencyHistogram;
  last30d: { checks: number; up: number };
  openIncident: OpenIncidentBrief | null;
};

export type SiteOverviewQuery = {
  tags: string[];
  /** Part of the name, any case; null for all. */
  search: string | null;
  limit: number;
  offset: number;
  /** Epoch seconds. */
  now: number;
  stripFrom: number;
  monthFrom: number;
};

function toOverview(row: OverviewRow): SiteOverviewRow {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    tags: row.tags,
    paused: row.paused,
    regions: row.regions,
    intervalSeconds: row.interval_seconds,
    latestEntryOk: row.latest_oks,
    inMaintenance: row.in_maintenance,
    hours: row.hour_starts.map((hourStart, index) => ({ hourStart, checks: row.hour_checks[index], up: row.hour_ups[index] })),
    latencyHistogram: row.hour_histograms.reduce((sum, histogram) => addCountsInto(sum, unpackHistogram(histogram)), {}),
    last30d: { checks: row.month_checks, up: row.month_up },
    openIncident:
      row.incident_id === null
        ? null
        : {
            id: row.incident_id,
            pattern: row.incident_pattern as string,
            cause: row.incident_cause as string,
            failingHop: row.incident_failing_hop,
            reportedBy: row.incident_reported_by,
            gateway: row.incident_gateway as string,
            startedAt: row.incident_started_at as Date,
            summary: row.incident_summary,
          },
  };
}

@Injectable()
export class SiteOverviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: SiteOverviewQuery): Promise<{ items: SiteOverviewRow[]; total: number }> {
    const rows = await preparedQuery<OverviewRow>(
      this.dataSource,
      'site_overview',
      SITE_OVERVIEW,
      [query.tags, query.search, query.limit, query.offset, new Date(query.now * 1000), query.stripFrom, query.monthFrom],
      { withoutJit: true },
    );
    // An offset past the end returns no row to carry the total; counting again is rare enough.
    const total = rows[0]?.total ?? (query.offset > 0 ? await this.count(query) : 0);
    return { items: rows.map(toOverview), total };
  }

  private async count(query: SiteOverviewQuery): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM sites AS site WHERE site.tags @> $1::text[] AND ($2::text IS NULL OR site.name ILIKE '%' || $2::text || '%')`,
      [query.tags, query.search],
    );
    return row.total;
  }
}
