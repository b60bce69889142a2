import { ChainSpec, DnsTargetSpec, ENTRY_TARGET, HttpTargetSpec, PushTargetSpec, TcpTargetSpec } from '@hopwatch/domain';
import { HopEntity } from './hop.entity';
import { SiteEntity } from './site.entity';

/** What a probe worker needs to check a site's chain; carried in the job, so workers never read the sites table. */
export function toChainSpec(site: SiteEntity): ChainSpec {
  const hops = (site.hops ?? []).map((hop) => toHopSpec(site, hop));
  if (site.pushPeriodSeconds !== null && site.pushGraceSeconds !== null) {
    const entry: PushTargetSpec = { kind: 'push', target: ENTRY_TARGET, role: 'entry', url: site.url, periodSeconds: site.pushPeriodSeconds, graceSeconds: site.pushGraceSeconds };
    return { entry, hops: [], dnsResolvers: [] };
  }
  if (site.url.startsWith('dns:') && site.dnsRecordType !== null && site.dnsExpect !== null) {
    const entry: DnsTargetSpec = {
      kind: 'dns',
      target: ENTRY_TARGET,
      role: 'entry',
      url: site.url,
      hostname: new URL(site.url).hostname,
      recordType: site.dnsRecordType,
      expect: site.dnsExpect,
      timeoutMs: site.timeoutMs,
    };
    return { entry, hops: [], dnsResolvers: site.dnsResolvers };
  }
  if (isTcpUrl(site.url)) {
    const entry: TcpTargetSpec = { kind: 'tcp', target: ENTRY_TARGET, role: 'entry', url: site.url, connectTo: null, timeoutMs: site.timeoutMs };
    return { entry, hops, dnsResolvers: site.dnsResolvers };
  }
  const entry: HttpTargetSpec = {
    kind: 'http',
    target: ENTRY_TARGET,
    role: 'entry',
    url: site.url,
    method: site.method,
    connectTo: null,
    hostHeader: null,
    expectStatus: site.expectStatus,
    bodyContains: site.bodyContains,
    timeoutMs: site.timeoutMs,
  };
  return { entry, hops, dnsResolvers: site.dnsResolvers };
}

function isTcpUrl(url: string): boolean {
  return url.startsWith('tcp:');
}

function toHopSpec(site: SiteEntity, hop: HopEntity): HttpTargetSpec | TcpTargetSpec {
  if (isTcpUrl(hop.url)) {
    return { kind: 'tcp', target: hop.name, role: hop.role, url: hop.url, connectTo: hop.connectTo, timeoutMs: site.timeoutMs };
  }
  return {
    kind: 'http',
    target: hop.name,
    role: hop.role,
    url: hop.url,
    method: site.method,
    connectTo: hop.connectTo,
    hostHeader: hop.hostHeader,
    expectStatus: hop.expectStatus ?? site.expectStatus,
    bodyContains: null,
    timeoutMs: site.timeoutMs,
    ...(hop.backends ? { backends: hop.backends } : {}),
  };
}
