// c-ares channels shared by the lookups toward one server list, and a bound on the lookups in flight toward it.
//
// Setting a channel up (ares_init, its options, the server list) costs more CPU than the lookup it serves, and a
// channel keeps its UDP socket open only while it has queries pending. With one lookup per channel at a time,
// every query opened, connected and closed a socket: 53 µs of client CPU a query on loopback, against 17 µs when
// concurrent lookups share one channel and its socket.
//
// The bound matters more than the sharing: 200 probes asking A and AAAA at once overflowed the receive buffer of
// a DNS server with Linux's default (212 KB), and the lost queries came back as DNS timeouts, that is, false
// alarms (on one shared channel: 124 of 20,000 pairs lost with 200 at once, none with 64).
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';
import { untilAborted } from '../shared/deadline';

type Resolver = InstanceType<typeof dns.Resolver>;

/** One server list's channel, its lookups in flight, and the lookups waiting for their turn. */
type ServerChannel = { resolver: Resolver; inFlight: number; waiting: Array<() => void> };

export const MAX_IN_FLIGHT_PER_SERVERS = 64;
// Channels kept for server lists with no lookup in flight (sites may name their own resolvers).
const MAX_CHANNELS = 1_024;

// Least recently used first.
const channels = new Map<string, ServerChannel>();

/**
 * Runs `query` on the channel asking `servers` (null: the system's resolv.conf) from the region's source address,
 * with one try of `timeoutMs` per server, once fewer than MAX_IN_FLIGHT_PER_SERVERS lookups to them are in flight.
 * Settles as the query does, or with the signal's reason once that aborts. Throws as `setServers` does on an
 * invalid server list.
 */
export async function withResolver<T>(
  servers: string[] | null,
  timeoutMs: number,
  env: ProbeEnvironment,
  signal: AbortSignal,
  query: (resolver: Resolver) => Promise<T>,
): Promise<T> {
  const channel = channelFor(servers, timeoutMs, env);
  await takeTurn(channel, signal);
  let work: Promise<T>;
  try {
    signal.throwIfAborted();
    work = query(channel.resolver);
  } catch (error) {
    passTurn(channel);
    throw error;
  }
  // One query cannot be cancelled alone (`cancel()` ends every query of the channel), so an aborted probe settles
  // at once and its query keeps its turn until it is answered or times out, which keeps the bound true.
  const settled = work.finally(() => passTurn(channel));
  return untilAborted(signal, settled, () => undefined);
}

/** A socket bound to an IPv4 source can only reach IPv4 destinations (and likewise for IPv6). */
export function sourceFamily(env: ProbeEnvironment): 0 | 4 | 6 {
  const family = env.sourceAddress === null ? 0 : isIP(env.sourceAddress);
  return family === 4 || family === 6 ? family : 0;
}

function channelFor(servers: string[] | null, timeoutMs: number, env: ProbeEnvironment): ServerChannel {
  const key = `${timeoutMs}|${env.sourceAddress ?? ''}|${servers?.join(',') ?? 'system'}`;
  const known = channels.get(key);
  if (known) {
    channels.delete(key);
    channels.set(key, known);
    return known;
  }
  const channel = { resolver: freshResolver(servers, timeoutMs, env), inFlight: 0, waiting: [] };
  channels.set(key, channel);
  if (channels.size > MAX_CHANNELS) forgetOneIdle();
  return channel;
}

/** Drops the least recently used channel with nothing in flight; a busy one stays until its lookups end. */
function forgetOneIdle(): void {
  for (const [key, channel] of channels) {
    if (channel.inFlight === 0) {
      channels.delete(key);
      return;
    }
  }
}

/** Resolves once this lookup may go: at once below the bound, else when a lookup in flight hands over its turn. */
function takeTurn(channel: ServerChannel, signal: AbortSignal): Promise<void> {
  if (channel.inFlight < MAX_IN_FLIGHT_PER_SERVERS) {
    channel.inFlight++;
    return Promise.resolve();
  }
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const abort = () => {
      channel.waiting.splice(channel.waiting.indexOf(turn), 1);
      reject(signal.reason);
    };
    const turn = () => {
      signal.removeEventListener('abort', abort);
      resolve();
    };
    channel.waiting.push(turn);
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** The turn goes straight to the next waiting lookup (so none can slip past the bound meanwhile), or is given up. */
function passTurn(channel: ServerChannel): void {
  const next = channel.waiting.shift();
  if (next) return next();
  channel.inFlight--;
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
