// A site in canonical form (defaults filled in, sets sorted), so the file and the server compare field by field.
import { DEFAULT_EXPECT_STATUS, DEFAULT_REGION, HttpMethod, SITE_LIMITS } from '../site/site';
import { MANAGED_BY_TAG, SiteSpecInput } from './config-file';
import { RemoteSite } from './remote-state';
import {
  DnsConfig, dnsConfig, dnsFileEntry, HopConfig, hopConfig, hopFileEntry, hopRequestBody, PushConfig, pushConfig, pushInterval, sorted,
} from './site-spec-parts';

export type { BackendConfig, DnsConfig, HopConfig, PushConfig } from './site-spec-parts';

export type SiteSpec = {
  name: string;
  /** Null for a push monitor: the server gives it its ping URL. */
  url: string | null;
  method: HttpMethod;
  intervalSeconds: number;
  timeoutMs: number;
  expectStatus: string;
  bodyContains: string | null;
  regions: string[];
  hops: HopConfig[];
  dns: DnsConfig;
  push: PushConfig | null;
  tags: string[];
  alertChannels: string[];
  confirmations: number;
  recoveries: number;
  paused: boolean;
  detection: Record<string, number>;
};

const SITE_DEFAULTS = {
  method: 'GET',
  intervalSeconds: SITE_LIMITS.intervalSeconds.default,
  timeoutMs: SITE_LIMITS.timeoutMs.default,
  expectStatus: DEFAULT_EXPECT_STATUS,
  bodyContains: null,
  regions: [DEFAULT_REGION],
  hops: [],
  dns: { resolvers: [], recordType: null, expect: null },
  push: null,
  tags: [],
  alertChannels: [],
  confirmations: SITE_LIMITS.confirmations.default,
  recoveries: SITE_LIMITS.recoveries.default,
  paused: false,
  detection: {},
} as const;

export function siteSpecFromFile(input: SiteSpecInput): SiteSpec {
  const push = pushConfig(input.push);
  const url = push ? null : (input.url ?? null);
  return {
    name: input.name,
    url,
    method: input.method ?? SITE_DEFAULTS.method,
    intervalSeconds: input.intervalSeconds ?? (push ? pushInterval(push) : SITE_DEFAULTS.intervalSeconds),
    timeoutMs: input.timeoutMs ?? SITE_DEFAULTS.timeoutMs,
    expectStatus: input.expectStatus ?? SITE_DEFAULTS.expectStatus,
    bodyContains: input.bodyContains ?? null,
    regions: input.regions?.length ? sorted(input.regions) : [...SITE_DEFAULTS.regions],
    hops: (input.hops ?? []).map(hopConfig),
    dns: dnsConfig(input.dns, url),
    push,
    tags: sorted((input.tags ?? []).filter((tag) => tag !== MANAGED_BY_TAG)),
    alertChannels: sorted(input.alertChannels ?? []),
    confirmations: input.confirmations ?? SITE_DEFAULTS.confirmations,
    recoveries: input.recoveries ?? SITE_DEFAULTS.recoveries,
    paused: input.paused ?? false,
    detection: { ...input.detection },
  };
}

/** The server's site in the file's terms: channel ids become names, the managed-by tag is bookkeeping, not config. */
export function siteSpecFromRemote(remote: RemoteSite, channelNameOf: (id: string) => string): SiteSpec {
  const { dns, push, ...rest } = remote;
  return siteSpecFromFile({
    ...rest,
    url: push ? undefined : remote.url,
    bodyContains: remote.bodyContains ?? undefined,
    hops: remote.hops.map((hop) => ({
      name: hop.name,
      role: hop.role,
      url: hop.url,
      ...(hop.connectTo === null ? {} : { connectTo: hop.connectTo }),
      ...(hop.hostHeader === null ? {} : { hostHeader: hop.hostHeader }),
      ...(hop.expectStatus === null ? {} : { expectStatus: hop.expectStatus }),
      ...(hop.backends?.length ? { backends: hop.backends } : {}),
    })),
    dns: { resolvers: dns.resolvers, ...(dns.recordType ? { recordType: dns.recordType } : {}), ...(dns.expect ? { expect: dns.expect } : {}) },
    ...(push ? { push: { periodSeconds: push.periodSeconds, graceSeconds: push.graceSeconds } } : {}),
    alertChannels: remote.alertChannelIds.map(channelNameOf),
  });
}

export function isManagedSite(remote: RemoteSite): boolean {
  return remote.tags.includes(MANAGED_BY_TAG);
}

/** The shortest file entry for a site: fields at their default are left out. */
export function siteFileEntry(spec: SiteSpec): SiteSpecInput {
  const entry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (isDefault(spec, key, value)) continue;
    if (key === 'hops') entry.hops = (value as HopConfig[]).map(hopFileEntry);
    else if (key === 'dns') entry.dns = dnsFileEntry(value as DnsConfig);
    else entry[key] = value;
  }
  return entry as SiteSpecInput;
}

function isDefault(spec: SiteSpec, key: string, value: unknown): boolean {
  if (key === 'url') return value === null;
  if (key === 'intervalSeconds' && spec.push) return value === pushInterval(spec.push);
  if (key === 'dns') return (value as DnsConfig).resolvers.length === 0 && (value as DnsConfig).recordType === null;
  const fallback = (SITE_DEFAULTS as Record<string, unknown>)[key];
  return fallback !== undefined && JSON.stringify(fallback) === JSON.stringify(value);
}

/**
 * The POST or PATCH body that makes a server site equal this spec; `managed` keeps the managed-by tag on it.
 * The API refuses null except `bodyContains: null` in a PATCH, which clears it; a push monitor has no url to send.
 */
export function siteRequestBody(spec: SiteSpec, channelIdOf: (name: string) => string, options: { managed: boolean; patch: boolean }): Record<string, unknown> {
  const { alertChannels, hops, bodyContains, url, push, dns, ...fields } = spec;
  return {
    ...fields,
    ...(url !== null ? { url } : {}),
    ...(push !== null ? { push } : {}),
    dns: dnsFileEntry(dns),
    ...(bodyContains !== null || options.patch ? { bodyContains } : {}),
    hops: hops.map(hopRequestBody),
    tags: options.managed ? sorted([...spec.tags, MANAGED_BY_TAG]) : spec.tags,
    alertChannelIds: alertChannels.map(channelIdOf),
  };
}
