// c-ares channels kept for reuse, and a bound on the lookups in flight toward one server list.
//
// Setting a channel up (ares_init, its options, the server list) costs the client more CPU than the lookup it
// serves: on loopback a lookup took 51 µs on a fresh channel and 22 µs on a reused one. A channel serves one
// probe at a time, never several: many lookups sharing one channel's UDP socket lost answers under bursts.
//
// Faster lookups make sharper bursts, though: 200 probes asking A and AAAA at once overflowed the receive buffer
// of a DNS server with Linux's default (212 KB), and the lost queries came back as DNS timeouts, that is, false
// alarms (642 of 8,000 lost; 81 with a fresh channel per lookup; none with at most 64 in flight).
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';
import { untilAborted } from '../shared/deadline';

type Resolver = InstanceType<typeof dns.Resolver>;

/** The resolver to use; `done(true)` hands its channel back for reuse, `done(false)` lets it go. */
export type ResolverLease = { readonly resolver: Resolver; done(reusable: boolean): void };

/** One server list's channels: idle ones, lookups in flight, and the lookups waiting for their turn. */
type ServerChannels = { idle: Resolver[]; inFlight: number; waiting: Array<() => void> };

export const MAX_IN_FLIGHT_PER_SERVERS = 64;
// Bounds the idle channels (one UDP socket each, once used) in all.
const MAX_IDLE = 1_024;

const byServers = new Map<string, ServerChannels>();
let idleCount = 0;

/**
 * A resolver asking `servers` (null: the system's resolv.conf) from the region's source address, with one try of
 * `timeoutMs`, once fewer than MAX_IN_FLIGHT_PER_SERVERS lookups to them are in flight. Rejects with the signal's
 * reason if it aborts first, and as `setServers` does on an invalid server list.
 */
export async function leaseResolver(servers: string[] | null, timeoutMs: number, env: ProbeEnvironment, signal?: AbortSignal): Promise<ResolverLease> {
  const key = `${timeoutMs}|${env.sourceAddress ?? ''}|${servers?.join(',') ?? 'system'}`;
  const channels = byServers.get(key) ?? { idle: [], inFlight: 0, waiting: [] };
  byServers.set(key, channels);
  await takeTurn(channels, signal);
  const reused = channels.idle.pop();
  if (reused) idleCount--;
  let resolver: Resolver;
  try {
    resolver = reused ?? freshResolver(servers, timeoutMs, env);
  } catch (error) {
    passTurn(key, channels);
    throw error;
  }
  let returned = false;
  return {
    resolver,
    done(reusable) {
      if (returned) return;
      returned = true;
      if (reusable && idleCount < MAX_IDLE) {
        channels.idle.push(resolver);
        idleCount++;
      }
      passTurn(key, channels);
    },
  };
}

/**
 * Runs `query` on a leased resolver, settling as it does or with the signal's reason once that aborts (its queries
 * are then cancelled). The channel goes back for reuse only when the query completed.
 */
export async function withResolver<T>(
  servers: string[] | null,
  timeoutMs: number,
  env: ProbeEnvironment,
  signal: AbortSignal,
  query: (resolver: Resolver) => Promise<T>,
): Promise<T> {
  const lease = await leaseResolver(servers, timeoutMs, env, signal);
  let work: Promise<T>;
  try {
    work = query(lease.resolver);
  } catch (error) {
    lease.done(false);
    throw error;
  }
  return usingLease(lease, untilAborted(signal, work, () => lease.resolver.cancel()));
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

/** Resolves once this lookup may go: at once below the bound, else when a lookup in flight hands over its turn. */
function takeTurn(channels: ServerChannels, signal: AbortSignal | undefined): Promise<void> {
  if (channels.inFlight < MAX_IN_FLIGHT_PER_SERVERS) {
    channels.inFlight++;
    return Promise.resolve();
  }
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const abort = () => {
      channels.waiting.splice(channels.waiting.indexOf(turn), 1);
      reject(signal?.reason);
    };
    const turn = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    channels.waiting.push(turn);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** The turn goes straight to the next waiting lookup (so none can slip past the bound meanwhile), or is given up. */
function passTurn(key: string, channels: ServerChannels): void {
  const next = channels.waiting.shift();
  if (next) return next();
  channels.inFlight--;
  if (channels.inFlight === 0 && channels.idle.length === 0) byServers.delete(key);
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
