// A DNS site's run: its record checked on every resolver at once; the entry result is the worst of them.
import { ENTRY_TARGET, type ChainRun, type ChainSpec, type DnsTargetSpec, type ProbeResult } from '@hopwatch/domain';
import { SYSTEM_RESOLVER } from '../dns/resolver-spec';
import { probeDnsRecord } from '../dns/dns-record-probe';
import { resolversDisagree } from '../dns/resolvers-disagree';
import type { ProbeEnvironment } from '../probe-environment';
import { guarded } from '../shared/guarded-probe';
import type { ChainContext } from './probe-chain';

export async function probeDnsSite(spec: ChainSpec & { entry: DnsTargetSpec }, env: ProbeEnvironment, context: ChainContext): Promise<ChainRun> {
  const resolvers = spec.dnsResolvers.length > 0 ? spec.dnsResolvers : [SYSTEM_RESOLVER];
  const results = await Promise.all(resolvers.map((resolver) => guarded(`dns:${resolver}`, 'dns', () => probeDnsRecord(spec.entry, resolver, env))));
  return { ...context, results: [entryOf(results, resolvers), ...results], dnsDisagreement: resolversDisagree(results) };
}

/** Down when any resolver fails, quoting the first that does; up with the first resolver's answer otherwise. */
function entryOf(results: ProbeResult[], resolvers: string[]): ProbeResult {
  const index = Math.max(0, results.findIndex((result) => !result.ok));
  const chosen = results[index];
  const errorMessage = chosen.errorMessage === null ? null : `resolver ${resolvers[index]}: ${chosen.errorMessage}`;
  return { ...chosen, target: ENTRY_TARGET, errorMessage };
}
