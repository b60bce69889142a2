// Summary and the first next steps for one failing backend behind a load balancer.
import type { Cause } from './cause';
import type { FailureKind } from './failure-kind';
import type { BackendFacts, Finding } from './finding';

export function backendSentence(finding: Finding): string {
  const backend = finding.facts.backend!;
  const others = backend.of - 1;
  const share = 1 / backend.of;
  const rate = backend.entryFailureRate;
  const explains = rate && rate.rate > 0 ? Math.min(1, share / rate.rate) : null;
  const observed = rate
    ? `; the entry failed ${percent(rate.rate)} of checks (95 % interval ${percent(rate.low)}–${percent(rate.high)}), of which it explains about ${percent(explains ?? 0)}`
    : '';
  return `Backend ${backend.name} (${backend.address}), one of ${backend.of} behind ${backend.balancer}, ${comparedWithOthers(finding, others)}: balanced evenly it gets about 1 in ${backend.of} requests (${percent(share)})${observed}. Take it out of the pool and fix it.`;
}

function comparedWithOthers(finding: Finding, others: number): string {
  const { latencyMs, siblingsMs } = finding.facts.backend!;
  const plural = others === 1 ? 's' : '';
  if (latencyMs !== undefined && siblingsMs !== undefined) {
    return `answers in ${latencyMs} ms while the other ${others} answer${plural} in about ${siblingsMs} ms (medians of direct checks), so the balancer's timer fires on the requests it draws`;
  }
  return `${failureWords(finding)} while the other ${others} answer${plural}`;
}

export function backendSteps(backend: BackendFacts): string[] {
  return [
    `Take ${backend.address} out of ${backend.balancer}'s pool until it answers again (HAProxy: "set server <backend>/<server> state maint" on the runtime API; nginx: mark the server "down" and reload).`,
    `Turn on active health checks at ${backend.balancer} so a failing backend leaves the pool by itself (HAProxy: "check" on each server line; nginx: max_fails and fail_timeout).`,
  ];
}

/** The cause whose advice fits what the backend itself does wrong. */
export function backendFailureCause(failure: FailureKind | null): Cause {
  switch (failure) {
    case 'refused':
    case 'unreachable':
      return 'origin_down';
    case 'connect_timeout':
    case 'response_timeout':
    case 'slow':
      return 'origin_timeout';
    case 'reset':
    case 'invalid_response':
      return 'origin_bad_response';
    case 'http_error':
      return 'origin_error';
    case 'tls':
      return 'tls_failure';
    case 'unexpected_answer':
      return 'content_mismatch';
    default:
      return 'unknown';
  }
}

function failureWords(finding: Finding): string {
  switch (finding.failure) {
    case 'refused':
      return 'refuses connections';
    case 'unreachable':
      return 'is unreachable';
    case 'connect_timeout':
    case 'response_timeout':
    case 'slow':
      return 'does not answer in time';
    case 'reset':
      return 'resets connections';
    case 'invalid_response':
      return 'answers with something that is not HTTP';
    case 'tls':
      return 'fails the TLS handshake';
    default:
      return finding.facts.status ? `answers ${finding.facts.status}` : 'fails';
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
