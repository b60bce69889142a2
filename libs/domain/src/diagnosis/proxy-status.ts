// RFC 9209 Proxy-Status: the standard words for why an intermediary failed, and reading the header when one is sent.
import type { Cause } from './cause';

export const PROXY_ERROR_TYPES = [
  'dns_timeout',
  'dns_error',
  'destination_not_found',
  'destination_unavailable',
  'destination_ip_prohibited',
  'destination_ip_unroutable',
  'connection_refused',
  'connection_terminated',
  'connection_timeout',
  'connection_read_timeout',
  'connection_write_timeout',
  'connection_limit_reached',
  'tls_protocol_error',
  'tls_certificate_error',
  'tls_alert_received',
  'http_request_error',
  'http_request_denied',
  'http_response_incomplete',
  'http_response_header_section_size',
  'http_response_header_size',
  'http_response_body_size',
  'http_response_timeout',
  'http_protocol_error',
  'proxy_internal_response',
  'proxy_internal_error',
  'proxy_configuration_error',
  'proxy_loop_detected',
] as const;
export type ProxyErrorType = (typeof PROXY_ERROR_TYPES)[number];

/** hopwatch's cause for each RFC 9209 error a gateway reports about its next hop. */
export const CAUSE_FOR_PROXY_ERROR: Record<ProxyErrorType, Cause> = {
  dns_timeout: 'dns_failure',
  dns_error: 'dns_failure',
  destination_not_found: 'proxy_misconfigured',
  destination_unavailable: 'origin_down',
  destination_ip_prohibited: 'proxy_misconfigured',
  destination_ip_unroutable: 'origin_down',
  connection_refused: 'origin_down',
  connection_terminated: 'origin_bad_response',
  connection_timeout: 'origin_timeout',
  connection_read_timeout: 'origin_timeout',
  connection_write_timeout: 'origin_timeout',
  connection_limit_reached: 'overload',
  tls_protocol_error: 'tls_failure',
  tls_certificate_error: 'tls_failure',
  tls_alert_received: 'tls_failure',
  http_request_error: 'unknown',
  http_request_denied: 'edge_filtering',
  http_response_incomplete: 'origin_bad_response',
  http_response_header_section_size: 'origin_bad_response',
  http_response_header_size: 'origin_bad_response',
  http_response_body_size: 'origin_bad_response',
  http_response_timeout: 'origin_timeout',
  http_protocol_error: 'origin_bad_response',
  proxy_internal_response: 'unknown',
  proxy_internal_error: 'proxy_misconfigured',
  proxy_configuration_error: 'proxy_misconfigured',
  proxy_loop_detected: 'proxy_misconfigured',
};

export type ProxyStatusMember = {
  /** The intermediary that added this member. */
  name: string;
  error: ProxyErrorType | null;
  nextHop: string | null;
  receivedStatus: number | null;
  details: string | null;
};

/** Members in header order: the first was added closest to the origin, the last closest to the client. */
export function parseProxyStatus(value: string): ProxyStatusMember[] {
  return splitOutsideQuotes(value, ',')
    .map((member) => splitOutsideQuotes(member, ';').map((part) => part.trim()))
    .filter((parts) => parts[0] !== '')
    .map(([name, ...parameters]) => {
      const params = Object.fromEntries(parameters.map(parameter));
      const error = params['error'];
      return {
        name: unquote(name),
        error: (PROXY_ERROR_TYPES as readonly string[]).includes(error) ? (error as ProxyErrorType) : null,
        nextHop: params['next-hop'] ?? null,
        receivedStatus: params['received-status'] ? Number(params['received-status']) : null,
        details: params['details'] ?? null,
      };
    });
}

/** The member nearest the origin that reports an error: the hop where things first went wrong. */
export function proxyStatusError(headers: Record<string, string>): ProxyStatusMember | null {
  const value = headers['proxy-status'];
  if (!value) return null;
  return parseProxyStatus(value).find((member) => member.error !== null) ?? null;
}

function parameter(text: string): [string, string] {
  const equals = text.indexOf('=');
  if (equals < 0) return [text.trim().toLowerCase(), 'true'];
  return [text.slice(0, equals).trim().toLowerCase(), unquote(text.slice(equals + 1).trim())];
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/\\(["\\])/g, '$1') : text;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\\' && quoted) {
      current += character + (text[++index] ?? '');
      continue;
    }
    if (character === '"') quoted = !quoted;
    if (character === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += character;
  }
  parts.push(current);
  return parts;
}
