import { Inject, Injectable } from '@nestjs/common';
import { BucketTotals, HistoryRepository, IncidentHistoryRepository, SiteRepository } from '@hopwatch/db';
import {
  InvalidRange,
  SiteNotFound,
  breakDown,
  combineRegions,
  DAY_SECONDS,
  emptyTotals,
  ENTRY_TARGET,
  floorTo,
  HOUR_SECONDS,
  hourlyRollupsSince,
  MAX_RANGE_SECONDS,
  planRange,
  SERIES_BUCKETS,
  SeriesBucket,
  seriesBucketStarts,
  UPTIME_WINDOWS,
  UptimeTotals,
} from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { UptimeQuery, UptimeSeriesQuery } from './dto/uptime.query';
import { UptimeResponse, UptimeSeriesResponse } from './dto/uptime.response';
import { isoSeconds, toFigures, toIncidentInRange } from './history.mapper';

type Range = { from: number; to: number };

/** Answers uptime questions: the range is planned in libs/domain, counted by HistoryRepository, summed here. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly sites: SiteRepository,
    private readonly history: HistoryRepository,
    private readonly incidents: IncidentHistoryRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  async uptime(siteId: string, query: UptimeQuery): Promise<UptimeResponse> {
    const now = nowSeconds();
    const range = resolveRange(query, now);
    const plan = planRange(range.from, range.to, this.rawSince(now), hourlyRollupsSince(now, this.config.hourlyRollupDays));
    const [, parts, incidents] = await Promise.all([
      this.assertSiteExists(siteId),
      this.history.rangeTotals(siteId, plan),
      this.incidents.inRange(siteId, plan.from, plan.to),
    ]);
    const breakdown = breakDown(parts);
    return {
      siteId,
      from: isoSeconds(plan.from),
      to: isoSeconds(plan.to),
      ...toFigures(breakdown.site),
      targets: breakdown.targets.map(({ target, totals }) => ({ target, ...toFigures(totals) })),
      regions: breakdown.regions.map(({ region, totals }) => ({ region, ...toFigures(totals) })),
      incidents: incidents.map(toIncidentInRange),
    };
  }

  async series(siteId: string, query: UptimeSeriesQuery): Promise<UptimeSeriesResponse> {
    const now = nowSeconds();
    const range = resolveRange(query, now);
    const requested = query.bucket ?? (range.to - range.from <= SERIES_BUCKETS['1h'].maxRangeSeconds ? '1h' : '1d');
    this.assertBucketFits(requested, range, now);
    const bucket = this.hourlyOrDaily(requested, range, now);
    const bucketSeconds = SERIES_BUCKETS[bucket].seconds;
    const from = floorTo(range.from, bucketSeconds);
    const target = query.target ?? ENTRY_TARGET;
    const region = query.region ?? null;
    const [, rows] = await Promise.all([
      this.assertSiteExists(siteId),
      this.history.series({ siteId, target, region, from, to: range.to }, bucketSeconds),
    ]);
    const byBucket = combineByBucket(rows);
    return {
      siteId,
      from: isoSeconds(from),
      to: isoSeconds(range.to),
      bucket,
      target,
      region,
      points: seriesBucketStarts(from, range.to, bucketSeconds).map((start) => ({
        start: isoSeconds(start),
        ...toFigures(byBucket.get(start) ?? emptyTotals()),
      })),
    };
  }

  /** Hourly buckets from before the kept hourly rollups fall back to daily ones. */
  private hourlyOrDaily(bucket: SeriesBucket, range: Range, now: number): SeriesBucket {
    return bucket === '1h' && floorTo(range.from, HOUR_SECONDS) < hourlyRollupsSince(now, this.config.hourlyRollupDays) ? '1d' : bucket;
  }

  /** The oldest slot whose raw results are certainly still kept. */
  private rawSince(now: number): number {
    return now - this.config.retentionDays * DAY_SECONDS;
  }

  private assertBucketFits(bucket: SeriesBucket, range: Range, now: number): void {
    const { seconds, maxRangeSeconds } = SERIES_BUCKETS[bucket];
    if (range.to - range.from > maxRangeSeconds) {
      throw new InvalidRange(`bucket ${bucket} covers at most ${maxRangeSeconds / DAY_SECONDS} days; choose a larger bucket or a shorter range`);
    }
    if (seconds < HOUR_SECONDS && floorTo(range.from, seconds) < this.rawSince(now)) {
      throw new InvalidRange(`bucket ${bucket} is counted from raw results, kept for ${this.config.retentionDays} days: from must be within them`);
    }
  }

  private async assertSiteExists(siteId: string): Promise<void> {
    if (!(await this.sites.findById(siteId))) throw new SiteNotFound(siteId);
  }
}

/** Whole seconds covering every slot up to now. */
function nowSeconds(): number {
  return Math.ceil(Date.now() / 1000);
}

/** A window ending now, or from/to (to defaults to now and never goes past it). */
function resolveRange(query: UptimeQuery, now: number): Range {
  if (query.window && (query.from || query.to)) throw new InvalidRange('window cannot be combined with from/to; send one or the other');
  if (!query.from && query.to) throw new InvalidRange('from is required when to is given');
  if (!query.from) return { from: now - UPTIME_WINDOWS[query.window ?? '24h'], to: now };
  const from = Math.ceil(Date.parse(query.from) / 1000);
  const to = Math.min(query.to ? Math.ceil(Date.parse(query.to) / 1000) : now, now);
  if (from >= to) throw new InvalidRange('from must be before to and before now');
  if (to - from > MAX_RANGE_SECONDS) throw new InvalidRange(`the range from–to must be at most ${MAX_RANGE_SECONDS / DAY_SECONDS} days`);
  return { from, to };
}

/** Each bucket's regions combined: checks add, downtime is the worst region's. One region is taken as is. */
function combineByBucket(rows: BucketTotals[]): Map<number, UptimeTotals> {
  const regions = new Map<number, UptimeTotals[]>();
  for (const row of rows) {
    const bucket = regions.get(row.bucketStart);
    if (bucket) bucket.push(row.totals);
    else regions.set(row.bucketStart, [row.totals]);
  }
  return new Map([...regions].map(([start, totals]) => [start, totals.length === 1 ? totals[0] : combineRegions(totals)]));
}
