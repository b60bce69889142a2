// Asks one resolver for a name's A and AAAA records and reports what a `dig` would: rcode, answers, time.
import type { DnsInfo } from '@hopwatch/domain';
import { promises as dns } from 'node:dns';
import { withResolver } from '../connect/resolver-channels';
import { PROBE_DEFAULTS, type ProbeEnvironment } from '../probe-environment';
import { startDeadline, untilAborted } from '../shared/deadline';
import { codeOf, messageOf } from '../shared/normalise-error';
import type { ResolverSpec } from './resolver-spec';

export type DnsRcode = DnsInfo['rcode'];
export type DnsAnswer = { rcode: DnsRcode; answers: string[]; detail: string | null };

const RCODE_BY_ERROR: Record<string, DnsRcode> = {
  ENODATA: 'NOERROR',
  ENOTFOUND: 'NXDOMAIN',
  ESERVFAIL: 'SERVFAIL',
  EAI_AGAIN: 'SERVFAIL',
  EREFUSED: 'REFUSED',
  ETIMEOUT: 'TIMEOUT',
  ETIMEDOUT: 'TIMEOUT',
  ECANCELLED: 'TIMEOUT',
  ECONNREFUSED: 'TIMEOUT',
};

/** `system` means what this region's probes use: its configured resolvers if it has any, else getaddrinfo. */
export function queryResolver(hostname: string, resolver: ResolverSpec, env: ProbeEnvironment): Promise<DnsAnswer> {
  const timeoutMs = env.dnsTimeoutMs ?? PROBE_DEFAULTS.dnsTimeoutMs;
  if (resolver.kind === 'server') return queryServers(hostname, [resolver.server], env, timeoutMs);
  return env.resolvers.length > 0 ? queryServers(hostname, env.resolvers, env, timeoutMs) : querySystem(hostname, timeoutMs);
}

async function querySystem(hostname: string, timeoutMs: number): Promise<DnsAnswer> {
  const deadline = startDeadline(timeoutMs, 'no DNS answer');
  try {
    // getaddrinfo cannot be cancelled; past the deadline its answer is ignored.
    const found = await untilAborted(deadline.signal, dns.lookup(hostname, { all: true, verbatim: true }), () => undefined);
    return { rcode: 'NOERROR', answers: sortedUnique(found.map((entry) => entry.address)), detail: null };
  } catch (error) {
    return failedAnswer(error);
  } finally {
    deadline.dispose();
  }
}

async function queryServers(hostname: string, servers: string[], env: ProbeEnvironment, timeoutMs: number): Promise<DnsAnswer> {
  // c-ares enforces the timeout itself; this guard only makes sure the probe cannot outlive it by much.
  const deadline = startDeadline(timeoutMs * servers.length + 1000, 'no DNS answer');
  try {
    const ask = (resolver: dns.Resolver) => Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
    const [v4, v6] = await withResolver(servers, timeoutMs, env, deadline.signal, ask);
    return combine(v4, v6);
  } catch (error) {
    return failedAnswer(error);
  } finally {
    deadline.dispose();
  }
}

/** Any address answer makes it NOERROR; otherwise the first real failure (not "no data") names the rcode. */
function combine(...settled: Array<PromiseSettledResult<string[]>>): DnsAnswer {
  const answers = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
  if (answers.length > 0) return { rcode: 'NOERROR', answers: sortedUnique(answers), detail: null };
  const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  const real = failures.find((reason) => codeOf(reason) !== 'ENODATA');
  return real === undefined ? { rcode: 'NOERROR', answers: [], detail: null } : failedAnswer(real);
}

export function failedAnswer(error: unknown): DnsAnswer {
  const code = codeOf(error);
  const rcode = (code !== undefined ? RCODE_BY_ERROR[code] : undefined) ?? 'OTHER';
  return { rcode, answers: [], detail: messageOf(error) };
}

function sortedUnique(addresses: string[]): string[] {
  return [...new Set(addresses)].sort();
}
