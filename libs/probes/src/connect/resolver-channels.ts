// c-ares channels kept for reuse. Setting one up (ares_init, its options, the server list) costs the client more
// CPU than the lookup it serves: on loopback a lookup took 51 µs on a fresh channel and 22 µs on a reused one.
// A channel serves one probe at a time, never several: under bursts, many lookups sharing one channel's UDP socket
// overflowed its receive buffer and timed out.
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';

type Resolver = InstanceType<typeof dns.Resolver>;

/** The resolver to use; `done(true)` hands its channel back for reuse, `done(false)` lets it go. */
export type ResolverLease = { readonly resolver: Resolver; done(reusable: boolean): void };

// Bounds the idle channels (one UDP socket each, once used) per server list and in all.
const MAX_IDLE_PER_KEY = 256;
const MAX_IDLE = 1_024;

const idle = new Map<string, Resolver[]>();
let idleCount = 0;

/**
 * A resolver asking `servers` (null: the system's resolv.conf) from the region's source address, with one try of
 * `timeoutMs`. Throws, as `setServers` does, on an invalid server list.
 */
export function leaseResolver(servers: string[] | null, timeoutMs: number, env: ProbeEnvironment): ResolverLease {
  const key = `${timeoutMs}|${env.sourceAddress ?? ''}|${servers?.join(',') ?? 'system'}`;
  const channels = idle.get(key);
  const reused = channels?.pop();
  if (reused) idleCount--;
  if (channels?.length === 0) idle.delete(key);
  const resolver = reused ?? freshResolver(servers, timeoutMs, env);
  let returned = false;
  return {
    resolver,
    done(reusable) {
      if (returned) return;
      returned = true;
      if (reusable) keep(key, resolver);
    },
  };
}

/** Settles as `work` does, handing the channel back only when the work completed (a cancelled query may linger). */
export async function usingLease<T>(lease: ResolverLease, work: Promise<T>): Promise<T> {
  try {
    const value = await work;
    lease.done(true);
    return value;
  } catch (error) {
    lease.done(false);
    throw error;
  }
}

/** A socket bound to an IPv4 source can only reach IPv4 destinations (and likewise for IPv6). */
export function sourceFamily(env: ProbeEnvironment): 0 | 4 | 6 {
  const family = env.sourceAddress === null ? 0 : isIP(env.sourceAddress);
  return family === 4 || family === 6 ? family : 0;
}

function freshResolver(servers: string[] | null, timeoutMs: number, env: ProbeEnvironment): Resolver {
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
  if (servers) resolver.setServers(servers);
  // Queries leave from the region's source address, so a DNS server sees the same vantage point.
  const family = sourceFamily(env);
  if (family === 4 && env.sourceAddress) resolver.setLocalAddress(env.sourceAddress);
  if (family === 6 && env.sourceAddress) resolver.setLocalAddress('0.0.0.0', env.sourceAddress);
  return resolver;
}

function keep(key: string, resolver: Resolver): void {
  const channels = idle.get(key) ?? [];
  if (channels.length >= MAX_IDLE_PER_KEY || idleCount >= MAX_IDLE) return;
  channels.push(resolver);
  idle.set(key, channels);
  idleCount++;
}
