// Asks one resolver for one record type of a name, for DNS sites; answers as strings a person would write.
import type { DnsRecordType } from '@hopwatch/domain';
import { promises as dns } from 'node:dns';
import { withResolver } from '../connect/resolver-channels';
import { PROBE_DEFAULTS, type ProbeEnvironment } from '../probe-environment';
import { startDeadline } from '../shared/deadline';
import { failedAnswer, type DnsAnswer } from './dns-query';
import type { ResolverSpec } from './resolver-spec';

type Resolver = InstanceType<typeof dns.Resolver>;

const QUERIES: Record<DnsRecordType, (resolver: Resolver, name: string) => Promise<string[]>> = {
  A: (resolver, name) => resolver.resolve4(name),
  AAAA: (resolver, name) => resolver.resolve6(name),
  CNAME: (resolver, name) => resolver.resolveCname(name),
  NS: (resolver, name) => resolver.resolveNs(name),
  MX: async (resolver, name) => (await resolver.resolveMx(name)).map((record) => `${record.priority} ${record.exchange}`),
  TXT: async (resolver, name) => (await resolver.resolveTxt(name)).map((chunks) => chunks.join('')),
};

/** `system` asks this region's configured resolvers, else the servers of the system's resolv.conf. */
export async function queryRecords(hostname: string, type: DnsRecordType, spec: ResolverSpec, env: ProbeEnvironment): Promise<DnsAnswer> {
  const timeoutMs = env.dnsTimeoutMs ?? PROBE_DEFAULTS.dnsTimeoutMs;
  const servers = spec.kind === 'server' ? [spec.server] : env.resolvers.length > 0 ? env.resolvers : null;
  const deadline = startDeadline(timeoutMs * Math.max(1, servers?.length ?? dns.getServers().length) + 1000, 'no DNS answer');
  try {
    const answers = await withResolver(servers, timeoutMs, env, deadline.signal, (resolver) => QUERIES[type](resolver, hostname));
    return { rcode: 'NOERROR', answers: [...new Set(answers)].sort(), detail: null };
  } catch (error) {
    return failedAnswer(error);
  } finally {
    deadline.dispose();
  }
}
