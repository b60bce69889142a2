// Cloudflare's 52x/530 codes in hopwatch's causes and RFC 9209 words (DESIGN §4 cause table, research §1.2).
import type { CloudflareDetail } from '../fingerprint/cloudflare';
import type { Cause } from './cause';
import type { ProxyErrorType } from './proxy-status';

export type CloudflareVerdict = { cause: Cause; proxyStatus: ProxyErrorType };

const BY_CODE: Record<number, CloudflareVerdict> = {
  520: { cause: 'origin_bad_response', proxyStatus: 'http_protocol_error' },
  521: { cause: 'origin_down', proxyStatus: 'connection_refused' },
  522: { cause: 'origin_timeout', proxyStatus: 'connection_timeout' },
  523: { cause: 'origin_down', proxyStatus: 'destination_ip_unroutable' },
  524: { cause: 'origin_timeout', proxyStatus: 'http_response_timeout' },
  525: { cause: 'tls_failure', proxyStatus: 'tls_protocol_error' },
  526: { cause: 'tls_failure', proxyStatus: 'tls_certificate_error' },
  527: { cause: 'origin_bad_response', proxyStatus: 'connection_terminated' },
};

const BY_1XXX: Record<number, CloudflareVerdict> = {
  1016: { cause: 'dns_failure', proxyStatus: 'dns_error' },
  1033: { cause: 'origin_down', proxyStatus: 'destination_unavailable' },
};

/** Null when the code is not one of Cloudflare's own (a relayed or plain 502/503/504). */
export function cloudflareVerdict(detail: CloudflareDetail): CloudflareVerdict | null {
  if (detail.generatedBy !== 'edge') return null;
  if (detail.code === 530) return (detail.errorCode !== null && BY_1XXX[detail.errorCode]) || { cause: 'unknown', proxyStatus: 'proxy_internal_error' };
  return BY_CODE[detail.code] ?? null;
}
