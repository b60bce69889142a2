// What a gateway's own error page says about its next hop, in RFC 9209 words: "No server is available" is not
// "didn't respond in time". Used when hopwatch cannot check the hop behind the gateway directly.
import type { GatewayFingerprint } from '../fingerprint/fingerprint';
import type { ProbeResult } from '../results/check-result';
import { elapsedMs } from './failure-kind';
import type { ProxyErrorType } from './proxy-status';

const DETAIL_HINTS: Array<[RegExp, ProxyErrorType]> = [
  [/overflow/i, 'connection_limit_reached'],
  [/connection failure.*\b111\b|connection refused/i, 'connection_refused'],
  [/connection failure/i, 'connection_timeout'],
  [/connection termination|remote reset|local reset|backend read error|HTC eof/i, 'connection_terminated'],
  [/protocol error/i, 'http_protocol_error'],
  [/no healthy upstream|No server is available|Backend is unhealthy|All backends failed/i, 'destination_unavailable'],
  [/time[ -]?out|didn't respond in time/i, 'http_response_timeout'],
  [/invalid or incomplete response/i, 'http_response_incomplete'],
];

export function pageHint(result: ProbeResult, print: GatewayFingerprint, timerLikeMs: number): ProxyErrorType | null {
  const byDetail = print.detail ? DETAIL_HINTS.find(([pattern]) => pattern.test(print.detail!)) : undefined;
  if (byDetail) return byDetail[1];
  if (result.status === 504) return 'http_response_timeout';
  // Apache's mod_proxy answers 503 when the backend refuses and 502 when reading from it fails or times out.
  if (print.gateway === 'apache' && result.status === 503) return 'connection_refused';
  if (print.gateway === 'apache' && result.status === 502) return elapsedMs(result) >= timerLikeMs ? 'http_response_timeout' : 'http_response_incomplete';
  if (print.generated && result.status === 502 && elapsedMs(result) >= timerLikeMs) return 'http_response_timeout';
  return null;
}
