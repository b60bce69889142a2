// What the server holds, as its REST API returns it: the "before" side of a plan.
import type { DnsRecordType } from '../dns/dns-expectation';
import { HopRole, HttpMethod } from '../site/site';

export type RemoteHop = {
  name: string;
  role: HopRole;
  url: string;
  connectTo: string | null;
  hostHeader: string | null;
  expectStatus: string | null;
  backends?: { address: string; name: string }[] | null;
};

export type RemoteSite = {
  id: string;
  name: string;
  url: string;
  method: HttpMethod;
  intervalSeconds: number;
  timeoutMs: number;
  expectStatus: string;
  bodyContains: string | null;
  regions: string[];
  hops: RemoteHop[];
  dns: { resolvers: string[]; recordType?: DnsRecordType | null; expect?: string[] | null };
  push?: { periodSeconds: number; graceSeconds: number } | null;
  tags: string[];
  alertChannelIds: string[];
  confirmations: number;
  recoveries: number;
  paused: boolean;
  detection: Record<string, number>;
};

export type RemoteChannel = { id: string; name: string; kind: string; isDefault: boolean; managedBy?: string | null } & Record<string, unknown>;

export type RemoteWindow = { id: string; name: string; siteIds: string[]; tags: string[]; startsAt: string; endsAt: string; managedBy?: string | null };

export type RemoteStatusPage = { id: string; slug: string; title: string; description: string | null; siteIds: string[]; tags: string[]; managedBy?: string | null };

export type RemoteState = { sites: RemoteSite[]; channels: RemoteChannel[]; windows: RemoteWindow[]; statusPages: RemoteStatusPage[] };
