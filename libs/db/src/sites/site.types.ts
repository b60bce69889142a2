import type { Backend, DnsRecordType, HopRole, HttpMethod, SiteDetection } from '@hopwatch/domain';

export type HopFields = {
  name: string;
  role: HopRole;
  url: string;
  connectTo: string | null;
  hostHeader: string | null;
  expectStatus: string | null;
  backends: Backend[] | null;
};

export type SiteFields = {
  name: string;
  url: string;
  method: HttpMethod;
  intervalSeconds: number;
  timeoutMs: number;
  expectStatus: string;
  bodyContains: string | null;
  regions: string[];
  dnsResolvers: string[];
  tags: string[];
  alertChannelIds: string[];
  confirmations: number;
  recoveries: number;
  paused: boolean;
  detection: SiteDetection;
  dnsRecordType: DnsRecordType | null;
  dnsExpect: string[] | null;
  pushPeriodSeconds: number | null;
  pushGraceSeconds: number | null;
};

export type NewSite = SiteFields & { id: string; nextRunAt: Date; hops: HopFields[]; pushToken: string | null };

/** A change; `hops`, when present, replaces the whole chain. `nextRunAt` is set when the schedule moves. */
export type SitePatch = Partial<SiteFields> & { hops?: HopFields[]; nextRunAt?: Date };

export type SiteListQuery = { limit: number; offset: number; tags: string[]; paused: boolean | null };
