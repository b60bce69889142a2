// The shape of hopwatch.yaml (config as code) after parsing: what the file says, before defaults are filled in.
import type { DnsRecordType } from '../dns/dns-expectation';
import { HopRole, HttpMethod } from '../site/site';

export const CONFIG_FILE_VERSION = 1;

/** `hopwatch apply` marks what it creates: sites with this tag, channels, windows and status pages with `managedBy`. */
export const MANAGED_BY = 'hopwatch';
export const MANAGED_BY_TAG = 'managed-by-hopwatch';

export type HopSpecInput = {
  name: string;
  role: HopRole;
  url: string;
  connectTo?: string;
  hostHeader?: string;
  expectStatus?: string;
  /** load_balancer hops: the servers behind it; a backend's name defaults to its address. */
  backends?: BackendSpecInput[];
};

export type BackendSpecInput = { address: string; name?: string };

/** dns:// sites also say which record to ask for and which answers must come back. */
export type DnsSpecInput = { resolvers: string[]; recordType?: DnsRecordType; expect?: string[] };

/** A push (heartbeat) monitor: no url (the server gives it its ping URL), a ping expected every period. */
export type PushSpecInput = { periodSeconds: number; graceSeconds?: number };

export type SiteSpecInput = {
  name: string;
  /** Required except for push monitors. */
  url?: string;
  method?: HttpMethod;
  intervalSeconds?: number;
  timeoutMs?: number;
  expectStatus?: string;
  bodyContains?: string;
  regions?: string[];
  hops?: HopSpecInput[];
  dns?: DnsSpecInput;
  push?: PushSpecInput;
  tags?: string[];
  /** Names of alert channels (from this file or made by hand). */
  alertChannels?: string[];
  confirmations?: number;
  recoveries?: number;
  paused?: boolean;
  detection?: Record<string, number>;
};

/** `kind` and its fields pass through to the server, which knows every kind's rules. */
export type ChannelSpecInput = { name: string; kind: string; isDefault?: boolean } & Record<string, unknown>;

export type WindowSpecInput = {
  name: string;
  /** Names of sites. */
  sites?: string[];
  tags?: string[];
  startsAt: string;
  endsAt: string;
};

export type StatusPageSpecInput = {
  slug: string;
  title: string;
  description?: string | null;
  /** Names of sites. */
  sites?: string[];
  tags?: string[];
};

export type ConfigFile = {
  version: typeof CONFIG_FILE_VERSION;
  sites?: SiteSpecInput[];
  alertChannels?: ChannelSpecInput[];
  maintenanceWindows?: WindowSpecInput[];
  statusPages?: StatusPageSpecInput[];
};
