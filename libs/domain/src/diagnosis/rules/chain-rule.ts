// The general case: the failing hop's own direct check says what is wrong with it; when the reporting gateway is
// itself the deepest failure, its page and the hops behind it decide between a misconfigured proxy and an app error.
import { ENTRY_TARGET } from '../../site/site';
import type { RunView, ClassifyContext } from '../classify-context';
import { elapsedMs, type FailureKind } from '../failure-kind';
import type { Finding } from '../finding';
import { chainEvidence, gatewayOf } from '../finding-tools';
import { reporterFinding } from './reporter-rule';
import type { ProxyErrorType } from '../proxy-status';
import type { Cause } from '../cause';

type Verdict = { cause: Cause; proxyStatus: ProxyErrorType | null; confidence: number };

export const BY_FAILURE: Partial<Record<FailureKind, Verdict>> = {
  refused: { cause: 'origin_down', proxyStatus: 'connection_refused', confidence: 0.9 },
  unreachable: { cause: 'origin_down', proxyStatus: 'destination_unavailable', confidence: 0.85 },
  connect_timeout: { cause: 'origin_timeout', proxyStatus: 'connection_timeout', confidence: 0.8 },
  response_timeout: { cause: 'origin_timeout', proxyStatus: 'http_response_timeout', confidence: 0.85 },
  slow: { cause: 'origin_timeout', proxyStatus: 'http_response_timeout', confidence: 0.75 },
  reset: { cause: 'origin_bad_response', proxyStatus: 'connection_terminated', confidence: 0.8 },
  invalid_response: { cause: 'origin_bad_response', proxyStatus: 'http_protocol_error', confidence: 0.85 },
  tls: { cause: 'tls_failure', proxyStatus: 'tls_protocol_error', confidence: 0.85 },
  dns: { cause: 'dns_failure', proxyStatus: 'dns_error', confidence: 0.8 },
  unexpected_answer: { cause: 'content_mismatch', proxyStatus: null, confidence: 0.8 },
};

export function chainFinding(view: RunView, context: ClassifyContext): Finding | null {
  const { failingHop, reportedBy, failure } = view.attribution;
  if (!failingHop || !failure) return null;
  if (failingHop === reportedBy) return reporterFinding(view, context);
  const failing = view.result(failingHop)!;
  const known = BY_FAILURE[failure];
  const verdict = known ?? fallbackVerdict(failure);
  return {
    ...verdict,
    proxyStatus: failing.errorCode === 'ENETUNREACH' ? 'destination_ip_unroutable' : failing.errorCode === 'DNS_TIMEOUT' ? 'dns_timeout' : verdict.proxyStatus,
    // a failure with no gateway in front of it (the entry itself) is a little less certain to be the origin's fault
    confidence: reportedBy === null && failingHop === ENTRY_TARGET ? verdict.confidence - 0.1 : verdict.confidence,
    failingHop,
    reportedBy,
    gateway: gatewayOf(view.attribution),
    failure,
    evidence: chainEvidence(view),
    regions: [view.region],
    hints: [],
    facts: {
      status: view.entry.status,
      errorCode: failing.errorCode,
      errorMessage: failing.errorMessage,
      failingElapsedMs: elapsedMs(failing),
      reporterElapsedMs: reportedBy ? elapsedMs(view.result(reportedBy)!) : null,
      gatewayDetail: view.attribution.reporterFingerprint?.detail ?? null,
      tls: failing.tls,
    },
  };
}

// The failing hop answered with its own 5xx (an app error behind a gateway that said something else).
function fallbackVerdict(failure: FailureKind): Verdict {
  if (failure === 'http_error') return { cause: 'origin_error', proxyStatus: null, confidence: 0.7 };
  return { cause: 'unknown', proxyStatus: null, confidence: 0.3 };
}
