// Resolves a host name the way the region would: through its own DNS servers when it has some (a VPN
// changes the resolver, not only the source address), else through the system resolver.
import { promises as dns } from 'node:dns';
import { PROBE_DEFAULTS, type ProbeEnvironment } from '../probe-environment';
import { untilAborted } from '../shared/deadline';
import { codeOf, messageOf } from '../shared/normalise-error';
import { ProbeFailure } from '../shared/probe-failure';
import { sourceFamily, withResolver } from './resolver-channels';

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Resolves `hostname` to at least one address, or throws (ENOTFOUND, DNS_SERVFAIL, DNS_TIMEOUT, …). */
export async function lookupName(hostname: string, env: ProbeEnvironment, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const family = sourceFamily(env);
  const addresses =
    env.resolvers.length === 0 ? await lookupWithSystem(hostname, family, signal) : await lookupWithServers(hostname, family, env, signal);
  if (addresses.length === 0) throw new ProbeFailure('DNS_NO_ANSWER', `${hostname} has no ${family === 0 ? 'A or AAAA' : `IPv${family}`} records`);
  return addresses;
}

async function lookupWithSystem(hostname: string, family: 0 | 4 | 6, signal: AbortSignal): Promise<ResolvedAddress[]> {
  // getaddrinfo cannot be cancelled; on abort its late answer is simply ignored.
  const found = await untilAborted(signal, dns.lookup(hostname, { all: true, family, verbatim: true }), () => undefined);
  return found.filter((entry) => entry.family === 4 || entry.family === 6).map((entry) => ({ address: entry.address, family: entry.family as 4 | 6 }));
}

async function lookupWithServers(hostname: string, family: 0 | 4 | 6, env: ProbeEnvironment, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const timeoutMs = env.dnsTimeoutMs ?? PROBE_DEFAULTS.dnsTimeoutMs;
  return withResolver(env.resolvers, timeoutMs, env, signal, (resolver) => queryAddresses(resolver, hostname, family)).catch((error: unknown) => {
    if (codeOf(error) === 'ECONNREFUSED') throw new ProbeFailure('DNS_TIMEOUT', `DNS server ${env.resolvers.join(', ')} unreachable while resolving ${hostname}`);
    if (codeOf(error) === 'ERR_INVALID_IP_ADDRESS') throw new ProbeFailure('UNKNOWN', `invalid resolver list ${env.resolvers.join(', ')}: ${messageOf(error)}`);
    throw error;
  });
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
