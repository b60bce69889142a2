import { Injectable } from '@nestjs/common';
import { SiteOverviewRepository, SiteOverviewRow } from '@hopwatch/db';
import { histogramQuantile, overviewState, withoutPassword, roundedPercent, STRIP_HOURS, stripSegments, stripStart } from '@hopwatch/domain';
import { SiteOverviewQuery } from './dto/site-overview.query';
import { SiteOverviewItemResponse, SiteOverviewResponse } from './dto/site-overview.response';

const DAY = 86_400;

function toItem(site: SiteOverviewRow, stripFrom: number, segments: number): SiteOverviewItemResponse {
  const last24h = site.hours.reduce((sum, hour) => ({ checks: sum.checks + hour.checks, up: sum.up + hour.up }), { checks: 0, up: 0 });
  const p95 = histogramQuantile(site.latencyHistogram, 0.95);
  const incident = site.openIncident;
  return {
    id: site.id,
    name: site.name,
    url: withoutPassword(site.url),
    tags: site.tags,
    regions: site.regions,
    intervalSeconds: site.intervalSeconds,
    paused: site.paused,
    state: overviewState({ paused: site.paused, inMaintenance: site.inMaintenance, latestEntryOk: site.latestEntryOk, hasOpenIncident: incident !== null }),
    segments: stripSegments(site.hours, stripFrom, segments),
    uptime: { last24h: roundedPercent(last24h), last30d: roundedPercent(site.last30d) },
    p95Ms: p95 === null ? null : Math.round(p95 * 10) / 10,
    openIncident: incident && { ...incident, startedAt: incident.startedAt.toISOString() },
  };
}

/** The sites page: state, strip, uptime, latency and open incident of up to 1,000 sites from one statement. */
@Injectable()
export class SitesOverviewService {
  constructor(private readonly overview: SiteOverviewRepository) {}

  async page(query: SiteOverviewQuery, nowMs = Date.now()): Promise<SiteOverviewResponse> {
    const now = Math.floor(nowMs / 1000);
    const segments = query.segments ?? STRIP_HOURS;
    const limit = query.limit ?? 1000;
    const offset = query.offset ?? 0;
    const stripFrom = stripStart(now);
    const today = now - (now % DAY);
    const search = query.q ? query.q.replace(/[\\%_]/g, '\\$&') : null;
    const page = await this.overview.page({ tags: query.tag ?? [], search, limit, offset, now, stripFrom, monthFrom: today - 29 * DAY });
    return {
      stripFrom: new Date(stripFrom * 1000).toISOString(),
      segmentSeconds: (STRIP_HOURS / segments) * 3_600,
      items: page.items.map((site) => toItem(site, stripFrom, segments)),
      total: page.total,
      limit,
      offset,
    };
  }
}
