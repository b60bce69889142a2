// When the hop that wrote the error is also the deepest hop that fails: a gateway page with healthy hops behind it
// is the gateway's own fault (or, when sporadic, the keep-alive race); a page that is no gateway's is the app's error.
import { GATEWAY_EDGE_PRODUCTS } from '../edge-products';
import type { ClassifyContext, RunView } from '../classify-context';
import { elapsedMs } from '../failure-kind';
import type { Finding } from '../finding';
import { chainEvidence, evidenceOf, gatewayOf } from '../finding-tools';
import { pageHint } from '../page-hint';
import { CAUSE_FOR_PROXY_ERROR, type ProxyErrorType } from '../proxy-status';
import { nextHopAfter } from '../classify-context';

export function reporterFinding(view: RunView, context: ClassifyContext): Finding {
  const attribution = view.attribution;
  const reporter = view.result(attribution.reportedBy!)!;
  const print = attribution.reporterFingerprint!;
  const hinted = pageHint(reporter, print, context.options.timerLikeMs);
  const base = {
    failingHop: attribution.reportedBy,
    reportedBy: attribution.reportedBy,
    gateway: gatewayOf(attribution),
    failure: attribution.failure,
    evidence: [...chainEvidence(view), ...behindEvidence(view)],
    regions: [view.region],
    hints: [],
    facts: { status: reporter.status, reporterElapsedMs: elapsedMs(reporter), gatewayDetail: print.detail, healthyBehind: attribution.healthyBehindReporter },
  };
  const isGatewayPage = print.generated && reporter.status !== null && reporter.status >= 500;
  if (!isGatewayPage) return appAnswer(view, base);
  if (attribution.healthyBehindReporter.length > 0) return healthyBehind(view, context, base, hinted);
  const unmonitored = nextHopAfter(context, attribution.reportedBy!) === null;
  const cause = hinted ? CAUSE_FOR_PROXY_ERROR[hinted] : 'origin_down';
  return {
    ...base,
    cause,
    proxyStatus: hinted,
    confidence: (hinted ? 0.55 : 0.35) - (unmonitored ? 0 : 0.1),
    facts: { ...base.facts, upstreamUnmonitored: true },
  };
}

type Base = Omit<Finding, 'cause' | 'proxyStatus' | 'confidence'>;

function healthyBehind(view: RunView, context: ClassifyContext, base: Base, hinted: ProxyErrorType | null): Finding {
  const sporadic = context.pattern?.pattern === 'intermittent' && !context.pattern.overload;
  const someUnchecked = view.attribution.uncheckedBehindReporter.length > 0;
  if (sporadic) {
    // The next hop answers when asked directly, yet the gateway now and then cannot use its answer: the upstream
    // closed a kept-alive connection just as the gateway reused it.
    return {
      ...base,
      cause: 'origin_bad_response',
      proxyStatus: 'connection_terminated',
      confidence: 0.5,
      failingHop: nextHopAfter(context, view.attribution.reportedBy!),
      hints: ['keepalive_race'],
    };
  }
  return { ...base, cause: 'proxy_misconfigured', proxyStatus: hinted ?? 'proxy_configuration_error', confidence: someUnchecked ? 0.65 : 0.8 };
}

function appAnswer(view: RunView, base: Base): Finding {
  const status = view.entry.status ?? 0;
  if (status >= 500) return { ...base, cause: 'origin_error', proxyStatus: null, confidence: view.attribution.reportedBy === 'entry' ? 0.75 : 0.85 };
  const entryPrint = view.attribution.entryFingerprint;
  if ((status === 403 || status === 429) && GATEWAY_EDGE_PRODUCTS.includes(entryPrint.gateway)) {
    return { ...base, cause: 'edge_filtering', proxyStatus: 'http_request_denied', confidence: 0.55, gateway: entryPrint.gateway };
  }
  const reporter = view.result(view.attribution.reportedBy!)!;
  return { ...base, cause: 'content_mismatch', proxyStatus: null, confidence: 0.8, facts: { ...base.facts, errorCode: reporter.errorCode, errorMessage: reporter.errorMessage } };
}

function behindEvidence(view: RunView): Finding['evidence'] {
  return view.attribution.healthyBehindReporter
    .map((target) => view.result(target))
    .filter((result): result is NonNullable<typeof result> => result !== null)
    .map((result) => evidenceOf(result, 'checked directly: '));
}
