// One probe result in words, for evidence lines.
import { fingerprintGateway } from '../fingerprint/fingerprint';
import { GATEWAY_LABELS } from '../fingerprint/gateway';
import type { ProbeResult } from '../results/check-result';
import { failureKindOf } from './failure-kind';

const FAILURE_WORDS: Record<string, string> = {
  refused: 'refused the connection',
  unreachable: 'was unreachable',
  connect_timeout: 'did not accept the connection before the probe timed out',
  response_timeout: 'accepted the connection but did not answer before the probe timed out',
  reset: 'reset the connection',
  invalid_response: 'answered with something that is not valid HTTP',
  tls: 'failed the TLS handshake',
  dns: 'did not resolve',
  not_probed: 'was not checked',
};

export function describeResult(result: ProbeResult & { region?: string }): string {
  const where = `${result.target}${result.region ? ` (${result.region})` : ''}`;
  return `${where} ${describeOutcome(result)}`;
}

export function describeOutcome(result: ProbeResult): string {
  const took = `in ${Math.round(result.timings.totalMs)} ms`;
  if (result.ok) return `answered ${result.status ?? 'OK'} ${took}`;
  const kind = failureKindOf(result);
  if (result.status === null) {
    const words = FAILURE_WORDS[kind ?? ''] ?? 'failed';
    const code = result.errorCode ? ` (${result.errorCode}${result.errorMessage ? `: ${result.errorMessage}` : ''})` : '';
    return `${words}${code} after ${Math.round(result.timings.totalMs)} ms`;
  }
  const print = fingerprintGateway(result);
  const page = print.gateway === 'unknown' ? '' : print.generated ? `; page written by ${GATEWAY_LABELS[print.gateway]} (${print.evidence})` : `; via ${GATEWAY_LABELS[print.gateway]} (${print.evidence})`;
  const mismatch = result.errorCode && result.errorCode !== 'STATUS_MISMATCH' ? ` (${result.errorCode})` : '';
  return `answered ${result.status}${mismatch} ${took}${page}`;
}
