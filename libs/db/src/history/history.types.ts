import type { TimeRange, UptimeTotals } from '@hopwatch/domain';

/** Totals of one target in one region over part of a range (a rollup row, or raw results counted alike). */
export type SeriesTotals = { target: string; region: string; totals: UptimeTotals };

/** Totals of one region's series in one chart bucket. */
export type BucketTotals = { bucketStart: number; region: string; totals: UptimeTotals };

/** Where a range's totals come from; see planRange in libs/domain. */
export type RangeSources = { daily: TimeRange; hourly: [TimeRange, TimeRange]; raw: [TimeRange, TimeRange] };

export type SeriesQuery = {
  siteId: string;
  target: string;
  /** Null: every region. */
  region: string | null;
  /** Epoch seconds, half-open, whole buckets. */
  from: number;
  to: number;
};

/** What the site list shows of each site's history. */
export type SiteSummary = {
  siteId: string;
  /** The newest entry check of each region, when one is recent enough to speak for now. */
  latestEntryOk: boolean[];
  last24h: { checks: number; up: number };
  last30d: { checks: number; up: number };
};

export type IncidentInRange = {
  id: string;
  status: string;
  pattern: string;
  startedAt: Date;
  resolvedAt: Date | null;
  cause: string | null;
  summary: string | null;
};
