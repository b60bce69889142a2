// Opening a c-ares channel costs more CPU than the query it serves (about 6 % of a busy worker's time went to
// creating one per probe), so probes share one channel per (servers, timeout, source address). A shared channel
// is never cancelled, as that would cancel every probe's queries on it: a probe past its deadline ignores the late
// answer, and c-ares drops the query at its own timeout.
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';

export type Resolver = InstanceType<typeof dns.Resolver>;

const MAX_CHANNELS = 256;
const channels = new Map<string, Resolver>();

/** `servers` null: the system's resolv.conf servers. Throws when a server is not a valid address. */
export function resolverChannel(servers: string[] | null, timeoutMs: number, env: Pick<ProbeEnvironment, 'sourceAddress'>): Resolver {
  const key = `${timeoutMs}|${env.sourceAddress ?? ''}|${servers?.join(',') ?? 'system'}`;
  const known = channels.get(key);
  if (known) {
    // Least recently used goes first when the map is full: move this one to the end.
    channels.delete(key);
    channels.set(key, known);
    return known;
  }
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
  if (servers) resolver.setServers(servers);
  bindResolver(resolver, env);
  channels.set(key, resolver);
  if (channels.size > MAX_CHANNELS) channels.delete(channels.keys().next().value as string);
  return resolver;
}

/** A socket bound to an IPv4 source can only reach IPv4 destinations (and likewise for IPv6). */
export function sourceFamily(env: Pick<ProbeEnvironment, 'sourceAddress'>): 0 | 4 | 6 {
  const family = env.sourceAddress === null ? 0 : isIP(env.sourceAddress);
  return family === 4 || family === 6 ? family : 0;
}

/** Binds a resolver's queries to the region's source address, so a DNS server sees the same vantage point. */
function bindResolver(resolver: Resolver, env: Pick<ProbeEnvironment, 'sourceAddress'>): void {
  const family = sourceFamily(env);
  if (family === 4 && env.sourceAddress) resolver.setLocalAddress(env.sourceAddress);
  if (family === 6 && env.sourceAddress) resolver.setLocalAddress('0.0.0.0', env.sourceAddress);
}
