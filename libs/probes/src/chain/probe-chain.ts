// One run of a site's chain from one region for one slot: the entry, every hop and the DNS checks, all at
// once, so the analyzer compares observations made at the same moment.
import { backendTarget, DNS_TARGET_PREFIX, type ChainRun, type ChainSpec, type DnsTargetSpec, type HttpTargetSpec, type ProbeResult, type TcpTargetSpec } from '@hopwatch/domain';
import { bareHostname } from '../connect/connection-plan';
import { probeDns } from '../dns/dns-probe';
import { resolversDisagree } from '../dns/resolvers-disagree';
import { probeHttp } from '../http/http-probe';
import type { ProbeEnvironment } from '../probe-environment';
import { guarded } from '../shared/guarded-probe';
import { probeTcp } from '../tcp/tcp-probe';
import { probeDnsSite } from './dns-site';

export type ChainContext = { siteId: string; region: string; slot: number };

/** A chain with something to probe at its entry (push monitors are judged from their pings instead). */
export type ProbedChainSpec = ChainSpec & { entry: HttpTargetSpec | TcpTargetSpec | DnsTargetSpec };

export function isProbedChain(spec: ChainSpec): spec is ProbedChainSpec {
  return spec.entry.kind !== 'push';
}

/** Never throws: each target yields exactly one result, in order entry, hops, load balancers' backends, DNS resolvers. */
export async function probeChain(spec: ProbedChainSpec, env: ProbeEnvironment, context: ChainContext): Promise<ChainRun> {
  const { entry } = spec;
  if (entry.kind === 'dns') return probeDnsSite({ ...spec, entry }, env, context);
  const hostname = entryHostname(entry.url);
  const targets = [entry, ...spec.hops, ...spec.hops.flatMap(backendSpecs)].map((target) => guarded(target.target, target.kind, () => probeTarget(target, env)));
  const dnsChecks = spec.dnsResolvers.map((resolver) =>
    guarded(`${DNS_TARGET_PREFIX}${resolver}`, 'dns', () => probeDns(hostname, resolver, env)),
  );
  const dnsResults = await Promise.all(dnsChecks);
  const results = [...(await Promise.all(targets)), ...dnsResults];
  const { siteId, region, slot } = context;
  return { siteId, region, slot, results, dnsDisagreement: resolversDisagree(dnsResults) };
}

// Each backend of a balancer is checked like the balancer itself, only connected to the backend's address.
function backendSpecs(hop: HttpTargetSpec | TcpTargetSpec): HttpTargetSpec[] {
  if (hop.kind !== 'http' || !hop.backends) return [];
  return hop.backends.map((backend) => ({ ...hop, target: backendTarget(hop.target, backend.name), role: 'app', connectTo: backend.address, backends: undefined }));
}

function probeTarget(target: HttpTargetSpec | TcpTargetSpec, env: ProbeEnvironment): Promise<ProbeResult> {
  return target.kind === 'http' ? probeHttp(target, env) : probeTcp(target, env);
}

function entryHostname(url: string): string {
  try {
    return bareHostname(new URL(url));
  } catch {
    return '';
  }
}
