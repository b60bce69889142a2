// Resolves a host name the way the region would: through its own DNS servers when it has some (a VPN
// changes the resolver, not only the source address), else through the system resolver.
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { PROBE_DEFAULTS, type ProbeEnvironment } from '../probe-environment';
import { untilAborted } from '../shared/deadline';
import { codeOf, messageOf } from '../shared/normalise-error';
import { ProbeFailure } from '../shared/probe-failure';

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Resolves `hostname` to at least one address, or throws (ENOTFOUND, DNS_SERVFAIL, DNS_TIMEOUT, …). */
export async function lookupName(hostname: string, env: ProbeEnvironment, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const family = sourceFamily(env);
  const addresses =
    env.resolvers.length === 0 ? await lookupWithSystem(hostname, family, signal) : await lookupWithServers(hostname, family, env, signal);
  if (addresses.length === 0) throw new ProbeFailure('DNS_NO_ANSWER', `${hostname} has no ${family === 0 ? 'A or AAAA' : `IPv${family}`} records`);
  return addresses;
}

/** A socket bound to an IPv4 source can only reach IPv4 destinations (and likewise for IPv6). */
export function sourceFamily(env: ProbeEnvironment): 0 | 4 | 6 {
  const family = env.sourceAddress === null ? 0 : isIP(env.sourceAddress);
  return family === 4 || family === 6 ? family : 0;
}

/** Binds a resolver's queries to the region's source address, so a DNS server sees the same vantage point. */
export function bindResolver(resolver: dns.Resolver, env: ProbeEnvironment): void {
  const family = sourceFamily(env);
  if (family === 4 && env.sourceAddress) resolver.setLocalAddress(env.sourceAddress);
  if (family === 6 && env.sourceAddress) resolver.setLocalAddress('0.0.0.0', env.sourceAddress);
}

async function lookupWithSystem(hostname: string, family: 0 | 4 | 6, signal: AbortSignal): Promise<ResolvedAddress[]> {
  // getaddrinfo cannot be cancelled; on abort its late answer is simply ignored.
  const found = await untilAborted(signal, dns.lookup(hostname, { all: true, family, verbatim: true }), () => undefined);
  return found.filter((entry) => entry.family === 4 || entry.family === 6).map((entry) => ({ address: entry.address, family: entry.family as 4 | 6 }));
}

async function lookupWithServers(hostname: string, family: 0 | 4 | 6, env: ProbeEnvironment, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const resolver = new dns.Resolver({ timeout: env.dnsTimeoutMs ?? PROBE_DEFAULTS.dnsTimeoutMs, tries: 1 });
  try {
    resolver.setServers(env.resolvers);
  } catch (error) {
    throw new ProbeFailure('UNKNOWN', `invalid resolver list ${env.resolvers.join(', ')}: ${messageOf(error)}`);
  }
  bindResolver(resolver, env);
  const work = queryAddresses(resolver, hostname, family).catch((error: unknown) => {
    throw codeOf(error) === 'ECONNREFUSED'
      ? new ProbeFailure('DNS_TIMEOUT', `DNS server ${env.resolvers.join(', ')} unreachable while resolving ${hostname}`)
      : error;
  });
  return untilAborted(signal, work, () => resolver.cancel());
}

/** A records first; AAAA only when the name has no A records (or the source address is IPv6). */
async function queryAddresses(resolver: dns.Resolver, hostname: string, family: 0 | 4 | 6): Promise<ResolvedAddress[]> {
  if (family === 6) return (await resolver.resolve6(hostname)).map((address) => ({ address, family: 6 }));
  try {
    const v4 = (await resolver.resolve4(hostname)).map((address): ResolvedAddress => ({ address, family: 4 }));
    if (v4.length > 0 || family === 4) return v4;
  } catch (error) {
    if (family === 4 || codeOf(error) !== 'ENODATA') throw error;
  }
  return (await resolver.resolve6(hostname)).map((address) => ({ address, family: 6 }));
}
