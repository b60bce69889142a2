// What kind of failure one probe result shows, in the terms the chain reasoning needs.
import type { ErrorCode, ProbeResult } from '../results/check-result';

export type FailureKind =
  | 'refused'
  | 'unreachable'
  | 'connect_timeout'
  | 'response_timeout'
  | 'reset'
  | 'invalid_response'
  | 'tls'
  | 'dns'
  | 'http_error'
  | 'unexpected_answer'
  | 'slow'
  | 'not_probed'
  | 'unknown';

const BY_CODE: Partial<Record<ErrorCode, FailureKind>> = {
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',

  ECONNRESET: 'reset',
  EPROTO: 'tls',
  CERT_HAS_EXPIRED: 'tls',
  CERT_NOT_YET_VALID: 'tls',
  CERT_SELF_SIGNED: 'tls',
  CERT_UNTRUSTED: 'tls',
  CERT_HOSTNAME_MISMATCH: 'tls',
  CERT_INVALID: 'tls',
  TLS_HANDSHAKE_FAILED: 'tls',
  INVALID_RESPONSE: 'invalid_response',
  ENOTFOUND: 'dns',
  DNS_NXDOMAIN: 'dns',
  DNS_SERVFAIL: 'dns',
  DNS_REFUSED: 'dns',
  DNS_TIMEOUT: 'dns',
  DNS_NO_ANSWER: 'dns',
  TOO_MANY_REDIRECTS: 'unexpected_answer',
  // the monitor could not use its own source address: says nothing about the target
  EADDRNOTAVAIL: 'not_probed',
  DNS_MISMATCH: 'dns',
  TARGET_DENIED: 'not_probed',
  MISSED: 'not_probed',
  PING_MISSED: 'unknown',
  PING_FAILED: 'unknown',
};

/** Null for a healthy result. */
export function failureKindOf(result: ProbeResult): FailureKind | null {
  if (result.ok) return null;
  if (result.errorCode === 'ETIMEDOUT') return result.timings.connectMs === null ? 'connect_timeout' : 'response_timeout';
  const byCode = result.errorCode ? BY_CODE[result.errorCode] : undefined;
  if (byCode) return byCode;
  if (result.status !== null) return result.status >= 500 ? 'http_error' : 'unexpected_answer';
  return 'unknown';
}

/** Failed, and the failure says something about the target (not "we did not probe it"). */
export function isUnhealthy(result: ProbeResult | null | undefined): boolean {
  if (!result || result.ok) return false;
  return failureKindOf(result) !== 'not_probed';
}

export function isHealthy(result: ProbeResult | null | undefined): boolean {
  return !!result && result.ok;
}

export const TRANSPORT_FAILURES: readonly FailureKind[] = ['refused', 'unreachable', 'connect_timeout', 'response_timeout', 'reset'];

/** How long the answer took: time to first byte when known, else the whole probe. */
export function elapsedMs(result: ProbeResult): number {
  return result.timings.ttfbMs ?? result.timings.totalMs;
}
