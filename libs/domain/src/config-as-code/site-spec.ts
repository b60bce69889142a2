// A site in canonical form (defaults filled in, sets sorted), so the file and the server compare field by field.
import { DEFAULT_EXPECT_STATUS, DEFAULT_REGION, HopRole, HttpMethod, SITE_LIMITS } from '../site/site';
import { HopSpecInput, MANAGED_BY_TAG, SiteSpecInput } from './config-file';
import { RemoteSite } from './remote-state';

export type HopConfig = { name: string; role: HopRole; url: string; connectTo: string | null; hostHeader: string | null; expectStatus: string | null };

export type SiteSpec = {
  name: string;
  url: string;
  method: HttpMethod;
  intervalSeconds: number;
  timeoutMs: number;
  expectStatus: string;
  bodyContains: string | null;
  regions: string[];
  hops: HopConfig[];
  dns: { resolvers: string[] };
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
  dns: { resolvers: [] },
  tags: [],
  alertChannels: [],
  confirmations: SITE_LIMITS.confirmations.default,
  recoveries: SITE_LIMITS.recoveries.default,
  paused: false,
  detection: {},
} as const;

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

function hopSpec(hop: HopSpecInput): HopConfig {
  return { name: hop.name, role: hop.role, url: hop.url, connectTo: hop.connectTo ?? null, hostHeader: hop.hostHeader ?? null, expectStatus: hop.expectStatus ?? null };
}

export function siteSpecFromFile(input: SiteSpecInput): SiteSpec {
  return {
    name: input.name,
    url: input.url,
    method: input.method ?? SITE_DEFAULTS.method,
    intervalSeconds: input.intervalSeconds ?? SITE_DEFAULTS.intervalSeconds,
    timeoutMs: input.timeoutMs ?? SITE_DEFAULTS.timeoutMs,
    expectStatus: input.expectStatus ?? SITE_DEFAULTS.expectStatus,
    bodyContains: input.bodyContains ?? null,
    regions: input.regions?.length ? sorted(input.regions) : [...SITE_DEFAULTS.regions],
    hops: (input.hops ?? []).map(hopSpec),
    dns: { resolvers: sorted(input.dns?.resolvers ?? []) },
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
  return siteSpecFromFile({
    ...remote,
    bodyContains: remote.bodyContains ?? undefined,
    hops: remote.hops.map((hop) => ({
      name: hop.name,
      role: hop.role,
      url: hop.url,
      ...(hop.connectTo === null ? {} : { connectTo: hop.connectTo }),
      ...(hop.hostHeader === null ? {} : { hostHeader: hop.hostHeader }),
      ...(hop.expectStatus === null ? {} : { expectStatus: hop.expectStatus }),
    })),
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
    const fallback = (SITE_DEFAULTS as Record<string, unknown>)[key];
    if (fallback !== undefined && JSON.stringify(fallback) === JSON.stringify(value)) continue;
    entry[key] = key === 'hops' ? (value as HopConfig[]).map(withoutNulls) : value;
  }
  return entry as SiteSpecInput;
}

function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null)) as Partial<T>;
}

/**
 * The POST (`current` false) or PATCH body that makes a server site equal this spec; `managed` keeps the
 * managed-by tag on it. The API refuses null except `bodyContains: null` in a PATCH, which clears it.
 */
export function siteRequestBody(spec: SiteSpec, channelIdOf: (name: string) => string, options: { managed: boolean; patch: boolean }): Record<string, unknown> {
  const { alertChannels, hops, bodyContains, ...fields } = spec;
  return {
    ...fields,
    ...(bodyContains !== null || options.patch ? { bodyContains } : {}),
    hops: hops.map(withoutNulls),
    tags: options.managed ? sorted([...spec.tags, MANAGED_BY_TAG]) : spec.tags,
    alertChannelIds: alertChannels.map(channelIdOf),
  };
}
