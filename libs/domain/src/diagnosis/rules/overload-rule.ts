// Errors that arrive together with a latency rise on the hops behind the gateway are overload, whatever the single
// failing run looked like (a timeout here, a reset there).
import type { ClassifyContext } from '../classify-context';
import { depthOf } from '../classify-context';
import type { Cause } from '../cause';
import type { Finding } from '../finding';
import { clampConfidence } from '../finding-tools';
import type { ProxyErrorType } from '../proxy-status';

const OVERLOAD_MASKS: readonly Cause[] = ['origin_timeout', 'origin_bad_response', 'proxy_misconfigured', 'unknown'];

export function applyOverload(finding: Finding, context: ClassifyContext): Finding {
  const signal = context.pattern?.overload;
  if (!signal || !OVERLOAD_MASKS.includes(finding.cause) || !gatewayLikeFailures(context)) return finding;
  const rises = signal.rises.filter((rise) => depthOf(context, rise.hop) > 0);
  if (rises.length === 0) return finding;
  const innermost = rises.reduce((deepest, rise) => (depthOf(context, rise.hop) > depthOf(context, deepest.hop) ? rise : deepest));
  const ids = context.failing.map((view) => view.result(innermost.hop)?.id ?? view.entry.id);
  return {
    ...finding,
    cause: 'overload',
    failingHop: innermost.hop,
    proxyStatus: overloadProxyStatus(finding.facts.status ?? null),
    confidence: clampConfidence(Math.max(finding.confidence, 0.7) + (rises.length > 1 ? 0.05 : 0)),
    evidence: [
      ...rises.map((rise) => ({
        observation: `${rise.hop} (${rise.region}) slowed from a median ${Math.round(rise.baselineMs)} ms to ${Math.round(rise.recentMs)} ms around the time the errors began (slot ${signal.onsetSlots[rise.region]})`,
        resultIds: ids,
      })),
      ...finding.evidence,
    ],
    facts: { ...finding.facts, risingHops: rises },
  };
}

function gatewayLikeFailures(context: ClassifyContext): boolean {
  return context.failing.some((view) => (view.entry.status !== null && view.entry.status >= 500) || view.entry.errorCode === 'ETIMEDOUT');
}

function overloadProxyStatus(status: number | null): ProxyErrorType {
  if (status === 503) return 'connection_limit_reached';
  if (status === 502) return 'connection_terminated';
  return 'http_response_timeout';
}
