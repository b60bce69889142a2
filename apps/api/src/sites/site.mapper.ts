import { HopEntity, SiteEntity, SiteSummary } from '@hopwatch/db';
import { siteState, uptimePercent, withoutPassword } from '@hopwatch/domain';
import { HopResponse, PushMonitorResponse, SiteListItemResponse, SiteResponse } from './dto/site.response';

export function toHopResponse(hop: HopEntity): HopResponse {
  return {
    name: hop.name,
    role: hop.role,
    url: withoutPassword(hop.url),
    connectTo: hop.connectTo,
    hostHeader: hop.hostHeader,
    expectStatus: hop.expectStatus,
    backends: hop.backends,
  };
}

export function toSiteResponse(site: SiteEntity): SiteResponse {
  return {
    id: site.id,
    name: site.name,
    url: withoutPassword(site.url),
    method: site.method,
    intervalSeconds: site.intervalSeconds,
    timeoutMs: site.timeoutMs,
    expectStatus: site.expectStatus,
    bodyContains: site.bodyContains,
    regions: site.regions,
    hops: (site.hops ?? []).map(toHopResponse),
    dns: { resolvers: site.dnsResolvers, recordType: site.dnsRecordType, expect: site.dnsExpect },
    tags: site.tags,
    alertChannelIds: site.alertChannelIds,
    confirmations: site.confirmations,
    recoveries: site.recoveries,
    paused: site.paused,
    detection: { ...site.detection },
    push: toPushResponse(site),
    nextRunAt: site.nextRunAt.toISOString(),
    createdAt: site.createdAt.toISOString(),
    updatedAt: site.updatedAt.toISOString(),
  };
}

function toPushResponse(site: SiteEntity): PushMonitorResponse | null {
  if (site.pushPeriodSeconds === null || site.pushGraceSeconds === null) return null;
  return {
    pingUrl: site.url,
    periodSeconds: site.pushPeriodSeconds,
    graceSeconds: site.pushGraceSeconds,
    lastSuccessAt: site.pushLastSuccessAt?.toISOString() ?? null,
    lastStartAt: site.pushLastStartAt?.toISOString() ?? null,
    lastFailAt: site.pushLastFailAt?.toISOString() ?? null,
  };
}

/** A site in the list, with its current state and recent uptime (percent, 3 decimals; null when never checked). */
export function toSiteListItemResponse(site: SiteEntity, summary: SiteSummary | undefined): SiteListItemResponse {
  const percent = (counts: { checks: number; up: number } | undefined) => {
    const value = counts ? uptimePercent(counts) : null;
    return value === null ? null : Math.round(value * 1000) / 1000;
  };
  return {
    ...toSiteResponse(site),
    state: siteState(site.paused, summary?.latestEntryOk ?? []),
    uptime: { last24h: percent(summary?.last24h), last30d: percent(summary?.last30d) },
  };
}
