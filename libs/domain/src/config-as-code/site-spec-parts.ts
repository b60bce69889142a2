// The nested parts of a site in canonical form: hops with their backends, the DNS settings, the push settings.
import type { DnsRecordType } from '../dns/dns-expectation';
import { heartbeatEvaluationInterval, PUSH_LIMITS } from '../push/heartbeat';
import { defaultBackendName } from '../site/backends';
import { BackendSpecInput, DnsSpecInput, HopSpecInput, PushSpecInput } from './config-file';
import { RemoteHop } from './remote-state';

export type BackendConfig = { address: string; name: string };
/** A hop as the server shows it, with its backends always listed (none: empty) and always named. */
export type HopConfig = Omit<RemoteHop, 'backends'> & { backends: BackendConfig[] };
export type DnsConfig = { resolvers: string[]; recordType: DnsRecordType | null; expect: string[] | null };
export type PushConfig = { periodSeconds: number; graceSeconds: number };

export const sorted = (values: readonly string[]) => [...new Set(values)].sort();

export const isDnsSiteUrl = (url: string | null) => url?.startsWith('dns:') ?? false;

export function hopConfig(hop: HopSpecInput): HopConfig {
  return {
    name: hop.name,
    role: hop.role,
    url: hop.url,
    connectTo: hop.connectTo ?? null,
    hostHeader: hop.hostHeader ?? null,
    expectStatus: hop.expectStatus ?? null,
    backends: (hop.backends ?? []).map(backendConfig),
  };
}

function backendConfig(backend: BackendSpecInput, index: number): BackendConfig {
  return { address: backend.address, name: backend.name ?? defaultBackendName(backend.address, index) };
}

/** The record type and expected answers exist only on dns:// sites, where the type defaults to A as on the server. */
export function dnsConfig(dns: DnsSpecInput | undefined, url: string | null): DnsConfig {
  const resolvers = sorted(dns?.resolvers ?? []);
  if (!isDnsSiteUrl(url)) return { resolvers, recordType: null, expect: null };
  return { resolvers, recordType: dns?.recordType ?? 'A', expect: sorted(dns?.expect ?? []) };
}

export function pushConfig(push: PushSpecInput | undefined | null): PushConfig | null {
  if (!push) return null;
  return { periodSeconds: push.periodSeconds, graceSeconds: push.graceSeconds ?? PUSH_LIMITS.graceSeconds.default };
}

/** How often the server looks at a push monitor unless told: the interval a file need not write. */
export function pushInterval(push: PushConfig): number {
  return heartbeatEvaluationInterval(push.periodSeconds);
}

/** A hop as the file writes it: empty optional fields and default backend names left out. */
export function hopFileEntry(hop: HopConfig): HopSpecInput {
  const { backends, ...fields } = hop;
  const entry = withoutNulls(fields) as HopSpecInput;
  if (backends.length > 0) {
    entry.backends = backends.map((backend, index) =>
      backend.name === defaultBackendName(backend.address, index) ? { address: backend.address } : { ...backend });
  }
  return entry;
}

export function dnsFileEntry(dns: DnsConfig): DnsSpecInput {
  return withoutNulls(dns) as DnsSpecInput;
}

/** A hop as the API takes it: no nulls, and no backends key when there are none. */
export function hopRequestBody(hop: HopConfig): Record<string, unknown> {
  const { backends, ...fields } = hop;
  return { ...withoutNulls(fields), ...(backends.length > 0 ? { backends } : {}) };
}

export function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null)) as Partial<T>;
}
