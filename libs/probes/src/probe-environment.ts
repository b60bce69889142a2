// What a probe needs from the region it runs in: where it may connect, where from, and whom it asks for names.
import type { TargetPolicy } from '@hopwatch/domain';

export type ProbeEnvironment = {
  /** Judges every address at connect time (resolved names, literals, pinned hops, redirects). */
  policy: TargetPolicy;
  /** Local address every socket binds to (`HOPWATCH_SOURCE_ADDRESS`); null lets the OS choose. */
  sourceAddress: string | null;
  /** DNS servers for every name a probe looks up (`1.1.1.1`, `127.0.0.1:5353`, `[::1]:53`); empty = the system resolver. */
  resolvers: string[];
  /** Redirects followed before TOO_MANY_REDIRECTS (default 5). */
  maxRedirects?: number;
  /** Body bytes read for `bodyContains` (default 64 KiB); the rest is never downloaded. */
  bodyCapBytes?: number;
  /** Body bytes kept as `bodySnippet` of a 5xx answer (default 2 KiB). */
  snippetBytes?: number;
  /** Per-query timeout of a DNS server (default 2500 ms); the probe's own timeout still bounds the whole. */
  dnsTimeoutMs?: number;
  /** Extra trusted CA certificates (PEM), added to the system roots, e.g. a private PKI or a test CA. */
  ca?: string[];
};

export const PROBE_DEFAULTS = {
  maxRedirects: 5,
  bodyCapBytes: 64 * 1024,
  snippetBytes: 2 * 1024,
  /** Response header section cap; larger answers are INVALID_RESPONSE (as a proxy's buffer would overflow). */
  maxHeaderBytes: 16 * 1024,
  dnsTimeoutMs: 2500,
  userAgent: 'hopwatch-probe/0.1',
} as const;
