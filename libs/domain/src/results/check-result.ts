// What one probe of one target observed. Probes produce it, the writer stores it, the analyzer reads it.
import type { DnsRecordType } from '../dns/dns-expectation';
import type { Backend } from '../site/backends';
import type { HopRole, HttpMethod } from '../site/site';

export const ERROR_CODES = [
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPROTO',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SELF_SIGNED',
  'CERT_UNTRUSTED',
  'CERT_HOSTNAME_MISMATCH',
  'CERT_INVALID',
  'TLS_HANDSHAKE_FAILED',
  'INVALID_RESPONSE',
  'BODY_MISMATCH',
  'STATUS_MISMATCH',
  'TOO_MANY_REDIRECTS',
  'TARGET_DENIED',
  'DNS_NXDOMAIN',
  'DNS_SERVFAIL',
  'DNS_REFUSED',
  'DNS_TIMEOUT',
  'DNS_NO_ANSWER',
  'DNS_MISMATCH',
  'MISSED',
  'PING_MISSED',
  'PING_FAILED',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type TargetKind = 'http' | 'tcp' | 'dns' | 'push';

/** Milliseconds from the probe's start; null when the phase did not happen (no TLS on http, pinned address skips DNS). */
export type Timings = {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
  totalMs: number;
};

export type TlsInfo = {
  servername: string | null;
  issuer: string | null;
  subject: string | null;
  validTo: string | null;
  authorized: boolean;
};

export type DnsInfo = {
  resolver: string;
  hostname: string;
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'TIMEOUT' | 'OTHER';
  answers: string[];
  /** Set on stored DNS results: whether the run's resolvers disagreed (a property of the run, kept on each of its DNS rows). */
  disagreement?: boolean;
};

export type ProbeResult = {
  /** `entry`, a hop name, or `dns:<resolver>`. */
  target: string;
  kind: TargetKind;
  ok: boolean;
  startedAt: string;
  status: number | null;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
  timings: Timings;
  remoteAddress: string | null;
  /** Only the revealing headers (server, via, x-cache, cf-ray, proxy-status, …), lower-cased names. */
  headers: Record<string, string>;
  /** First 2 KiB of the body of a 5xx answer, for fingerprinting. */
  bodySnippet: string | null;
  tls: TlsInfo | null;
  dns: DnsInfo | null;
};

export type HttpTargetSpec = {
  kind: 'http';
  target: string;
  role: HopRole | 'entry';
  url: string;
  method: HttpMethod;
  /** `ip[:port]`: connect there, keep the URL's Host and SNI. */
  connectTo: string | null;
  hostHeader: string | null;
  expectStatus: string;
  bodyContains: string | null;
  timeoutMs: number;
  /** A load balancer's servers, each probed directly as `<target>@<name>`. */
  backends?: Backend[];
};

export type TcpTargetSpec = {
  kind: 'tcp';
  target: string;
  role: HopRole | 'entry';
  /** `tcp://host:port` */
  url: string;
  connectTo: string | null;
  timeoutMs: number;
};

/** A DNS site: `dns://name`, checked on each of the chain's resolvers for a record type and the answers expected. */
export type DnsTargetSpec = {
  kind: 'dns';
  target: string;
  role: 'entry';
  /** `dns://name` */
  url: string;
  hostname: string;
  recordType: DnsRecordType;
  /** Every one of these must be among the answers. */
  expect: string[];
  timeoutMs: number;
};

/** A push (heartbeat) monitor: nothing is probed; the worker judges the pings the job sent. */
export type PushTargetSpec = {
  kind: 'push';
  target: string;
  role: 'entry';
  /** The URL the job pings. */
  url: string;
  periodSeconds: number;
  graceSeconds: number;
};

export type ChainSpec = {
  /** An HTTP(S) entry, or a `tcp://host:port` one (a TCP site: up when it accepts a connection). */
  entry: HttpTargetSpec | TcpTargetSpec | DnsTargetSpec | PushTargetSpec;
  /** Outermost first. */
  hops: Array<HttpTargetSpec | TcpTargetSpec>;
  /** `system`, `1.1.1.1`, `127.0.0.1:5353`. */
  dnsResolvers: string[];
};

/** One run of a site's chain from one region for one slot. */
export type ChainRun = {
  siteId: string;
  region: string;
  slot: number;
  results: ProbeResult[];
  /** True when the configured resolvers returned different answer sets for the entry name. */
  dnsDisagreement: boolean;
};
