import { HopEntity, SiteEntity } from '@hopwatch/db';
import { HopResponse, SiteResponse } from './dto/site.response';

export function toHopResponse(hop: HopEntity): HopResponse {
  return {
    name: hop.name,
    role: hop.role,
    url: hop.url,
    connectTo: hop.connectTo,
    hostHeader: hop.hostHeader,
    expectStatus: hop.expectStatus,
  };
}

export function toSiteResponse(site: SiteEntity): SiteResponse {
  return {
    id: site.id,
    name: site.name,
    url: site.url,
    method: site.method,
    intervalSeconds: site.intervalSeconds,
    timeoutMs: site.timeoutMs,
    expectStatus: site.expectStatus,
    bodyContains: site.bodyContains,
    regions: site.regions,
    hops: (site.hops ?? []).map(toHopResponse),
    dns: { resolvers: site.dnsResolvers },
    tags: site.tags,
    alertChannelIds: site.alertChannelIds,
    confirmations: site.confirmations,
    recoveries: site.recoveries,
    paused: site.paused,
    nextRunAt: site.nextRunAt.toISOString(),
    createdAt: site.createdAt.toISOString(),
    updatedAt: site.updatedAt.toISOString(),
  };
}
