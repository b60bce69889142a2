// The shape of hopwatch.yaml (config as code) after parsing: what the file says, before defaults are filled in.
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
};

export type SiteSpecInput = {
  name: string;
  url: string;
  method?: HttpMethod;
  intervalSeconds?: number;
  timeoutMs?: number;
  expectStatus?: string;
  bodyContains?: string;
  regions?: string[];
  hops?: HopSpecInput[];
  dns?: { resolvers: string[] };
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
