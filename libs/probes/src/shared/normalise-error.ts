// Turns whatever node, OpenSSL, c-ares or the probe itself threw into one ErrorCode and a short sentence.
import { ERROR_CODES, type ErrorCode } from '@hopwatch/domain';
import { ProbeFailure } from './probe-failure';

export type NormalisedError = { code: ErrorCode; message: string };

const DESCRIPTIONS: Record<ErrorCode, string> = {
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset or closed before a complete answer',
  EPROTO: 'TLS protocol error',
  ENOTFOUND: 'name does not resolve',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'source or destination address not available',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_SELF_SIGNED: 'certificate is self-signed',
  CERT_UNTRUSTED: 'certificate chain is not trusted',
  CERT_HOSTNAME_MISMATCH: 'certificate does not match the host name',
  CERT_INVALID: 'certificate is invalid',
  TLS_HANDSHAKE_FAILED: 'TLS handshake failed',
  INVALID_RESPONSE: 'invalid HTTP response',
  BODY_MISMATCH: 'body does not contain the expected text',
  STATUS_MISMATCH: 'unexpected status',
  TOO_MANY_REDIRECTS: 'too many redirects',
  TARGET_DENIED: 'target address denied by policy',
  DNS_NXDOMAIN: 'name does not exist (NXDOMAIN)',
  DNS_SERVFAIL: 'DNS server failure (SERVFAIL)',
  DNS_REFUSED: 'DNS server refused the query (REFUSED)',
  DNS_TIMEOUT: 'DNS server did not answer',
  DNS_NO_ANSWER: 'name has no address records',
  MISSED: 'check did not run',
  DNS_MISMATCH: 'the answer is not the one expected',
  PING_MISSED: 'no ping from the job in time',
  PING_FAILED: 'the job reported a failure',
  UNKNOWN: 'probe failed',
};

const ALIASES: Record<string, ErrorCode> = {
  EPIPE: 'ECONNRESET',
  ECONNABORTED: 'ECONNRESET',
  ERR_STREAM_PREMATURE_CLOSE: 'ECONNRESET',
  EHOSTDOWN: 'EHOSTUNREACH',
  ENETDOWN: 'ENETUNREACH',
  EAI_AGAIN: 'DNS_SERVFAIL',
  ESERVFAIL: 'DNS_SERVFAIL',
  EREFUSED: 'DNS_REFUSED',
  ENODATA: 'DNS_NO_ANSWER',
  ETIMEOUT: 'DNS_TIMEOUT',
  ECANCELLED: 'DNS_TIMEOUT',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'CERT_SELF_SIGNED',
  SELF_SIGNED_CERT_IN_CHAIN: 'CERT_SELF_SIGNED',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT: 'CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'CERT_UNTRUSTED',
  CERT_REJECTED: 'CERT_UNTRUSTED',
  CERT_CHAIN_TOO_LONG: 'CERT_UNTRUSTED',
  INVALID_CA: 'CERT_UNTRUSTED',
  PATH_LENGTH_EXCEEDED: 'CERT_UNTRUSTED',
  INVALID_PURPOSE: 'CERT_UNTRUSTED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'CERT_HOSTNAME_MISMATCH',
  HOSTNAME_MISMATCH: 'CERT_HOSTNAME_MISMATCH',
  CERT_SIGNATURE_FAILURE: 'CERT_INVALID',
  CERT_REVOKED: 'CERT_INVALID',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'CERT_INVALID',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'CERT_INVALID',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'CERT_INVALID',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'CERT_INVALID',
  ERR_TLS_HANDSHAKE_TIMEOUT: 'TLS_HANDSHAKE_FAILED',
  ERR_SSL_WRONG_VERSION_NUMBER: 'EPROTO',
};

const MAX_MESSAGE_LENGTH = 300;
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export function describeErrorCode(code: ErrorCode): string {
  return DESCRIPTIONS[code];
}

/** Maps a node/OpenSSL/c-ares code (`ECONNRESET`, `HPE_INVALID_CONSTANT`, `DEPTH_ZERO_SELF_SIGNED_CERT`, …) to ours. */
export function errorCodeFor(nodeCode: string | undefined, message = ''): ErrorCode {
  if (nodeCode !== undefined) {
    if (KNOWN_CODES.has(nodeCode)) return nodeCode as ErrorCode;
    if (nodeCode in ALIASES) return ALIASES[nodeCode];
    if (nodeCode.startsWith('HPE_')) return 'INVALID_RESPONSE';
    if (nodeCode.startsWith('ERR_SSL_')) return /ALERT|HANDSHAKE_FAILURE|NO_PROTOCOLS/.test(nodeCode) ? 'TLS_HANDSHAKE_FAILED' : 'EPROTO';
  }
  if (/socket hang up|premature close/i.test(message)) return 'ECONNRESET';
  return 'UNKNOWN';
}

export function normaliseError(error: unknown): NormalisedError {
  if (error instanceof ProbeFailure) return { code: error.code, message: clip(error.message) };
  const nodeCode = codeOf(error);
  const detail = messageOf(error);
  const code = errorCodeFor(nodeCode, detail);
  const message = detail && detail !== nodeCode ? `${DESCRIPTIONS[code]} (${detail})` : `${DESCRIPTIONS[code]} (${nodeCode ?? 'no detail'})`;
  return { code, message: clip(message) };
}

/** An error's message; duck-typed because errors from node core come from another realm under jest's vm. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

/** The `code` string node attaches to system, TLS and DNS errors, if any. */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function clip(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE_LENGTH ? `${oneLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : oneLine;
}
