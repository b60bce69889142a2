// The chain differential: from one run of the entry and every hop, which hop is itself broken (failingHop) and
// which hop's answer carried the error to the client (reportedBy).
//
// Rules. Hops are ordered outermost first; the entry is outermost.
// - Only an unhealthy entry has a failing hop. A result that was never probed (MISSED, TARGET_DENIED) or is absent
//   counts as neither healthy nor unhealthy.
// - failingHop is the innermost unhealthy hop. Any failure counts: an HTTP error, a refused/reset/timed-out
//   connection, a TLS or DNS failure. TCP hops take part the same way; they only ever fail without a status.
// - reportedBy is the innermost hop whose own answer is the entry's error answer (same status and same page, see
//   same-answer.ts); the entry when no deeper hop matches; null when the entry failed without an HTTP answer. TCP
//   hops and hops that failed without a status never report.
// - A reporter found only by the product it runs (it answered well when checked directly) saw a sporadic failure of
//   the hop behind it: that hop is the failing one.
// - When the reporter's answer is a timer expiry (504, Cloudflare 522/524, a page that says timeout, or a gateway page
//   that took at least `timerLikeMs`) and nothing behind it failed, the innermost hop behind it that answered no faster
//   than `slowFraction` of the reporter's wait is the failing hop, with failure `slow`.
import { fingerprintGateway, type GatewayFingerprint } from '../fingerprint/fingerprint';
import type { ProbeResult } from '../results/check-result';
import { ENTRY_TARGET } from '../site/site';
import { elapsedMs, failureKindOf, isHealthy, isUnhealthy, type FailureKind } from './failure-kind';
import { sameErrorAnswer } from './same-answer';

export type AttributionOptions = { timerLikeMs: number; slowFraction: number };
export const DEFAULT_ATTRIBUTION: AttributionOptions = { timerLikeMs: 1000, slowFraction: 0.8 };

export type HopAttribution = {
  failingHop: string | null;
  reportedBy: string | null;
  /** What went wrong at the failing hop; `slow` when it answered, but no sooner than the reporter gave up. */
  failure: FailureKind | null;
  entryFingerprint: GatewayFingerprint;
  reporterFingerprint: GatewayFingerprint | null;
  /** The reporter's answer looks like a timer that fired. */
  reporterTimedOut: boolean;
  /** Hops behind the reporter that answered well when checked directly, outermost first. */
  healthyBehindReporter: string[];
  /** Hops behind the reporter that were not checked in this run. */
  uncheckedBehindReporter: string[];
};

const NO_PRINT: GatewayFingerprint = { gateway: 'unknown', evidence: '', generated: false, detail: null, cloudflare: null };

export function attributeHop(run: { results: readonly ProbeResult[] }, hopOrder: readonly string[], options: AttributionOptions = DEFAULT_ATTRIBUTION): HopAttribution {
  const order = hopOrder[0] === ENTRY_TARGET ? [...hopOrder] : [ENTRY_TARGET, ...hopOrder];
  const results = order.map((target) => run.results.find((result) => result.target === target) ?? null);
  const prints = results.map((result) => (result && result.status !== null ? fingerprintGateway(result) : NO_PRINT));
  const entry = results[0];
  if (!entry || !isUnhealthy(entry)) return healthyAttribution(prints[0]);
  const reporter = reporterIndex(results, prints);
  const reporterTimedOut = reporter !== null && isTimerExpiry(results[reporter]!, prints[reporter], options);
  let failing = deepestIndex(results, isUnhealthy) ?? 0;
  let failure = failureKindOf(results[failing]!);
  if (reporter !== null && reporter > failing) {
    // The reporting gateway answered well when checked directly: its error was sporadic, and the fault lies
    // between it and the hop behind it (gone, reset or slow for that one request).
    failing = Math.min(reporter + 1, order.length - 1);
    failure = entry.status === 504 ? 'response_timeout' : 'reset';
  }
  if (reporter !== null && reporterTimedOut && failing === reporter) {
    const slow = slowIndexBehind(results, reporter, options);
    if (slow !== null) [failing, failure] = [slow, 'slow'];
  }
  const behind = reporter === null ? [] : order.slice(reporter + 1).map((target, offset) => ({ target, result: results[reporter + 1 + offset] }));
  return {
    failingHop: order[failing],
    reportedBy: reporter === null ? null : order[reporter],
    failure,
    entryFingerprint: prints[0],
    // a reporter that answered well directly wrote the entry's page, not its own healthy answer
    reporterFingerprint: reporter === null ? null : isUnhealthy(results[reporter]!) ? prints[reporter] : prints[0],
    reporterTimedOut,
    healthyBehindReporter: behind.filter(({ result }) => isHealthy(result)).map(({ target }) => target),
    uncheckedBehindReporter: behind.filter(({ result }) => !result || failureKindOf(result) === 'not_probed').map(({ target }) => target),
  };
}

function healthyAttribution(entryPrint: GatewayFingerprint): HopAttribution {
  return { failingHop: null, reportedBy: null, failure: null, entryFingerprint: entryPrint, reporterFingerprint: null, reporterTimedOut: false, healthyBehindReporter: [], uncheckedBehindReporter: [] };
}

function reporterIndex(results: Array<ProbeResult | null>, prints: GatewayFingerprint[]): number | null {
  const entry = results[0]!;
  if (entry.status === null) return null;
  for (let index = results.length - 1; index >= 1; index--) {
    const hop = results[index];
    if (hop && isUnhealthy(hop) && sameErrorAnswer(entry, prints[0], hop, prints[index])) return index;
  }
  return productHopIndex(results, prints[0]) ?? 0;
}

// Which software a hop runs shows in its own answers (healthy ones too): `Server: nginx/1.22`, `Via: … varnish`.
const PRODUCT_HEADERS: Partial<Record<GatewayFingerprint['gateway'], RegExp>> = {
  nginx: /\bnginx\b/i,
  apache: /\bapache\b/i,
  caddy: /\bcaddy\b/i,
  envoy: /\benvoy\b/i,
  varnish: /\bvarnish\b/i,
  cloudflare: /\bcloudflare\b/i,
  lighttpd: /\blighttpd\b/i,
  squid: /\(squid\//i,
  h2o: /^h2o\b/i,
  trafficserver: /^ATS\//i,
};

/**
 * When no hop gave the entry's error answer in this run (a sporadic error, gone by the time the hop was checked
 * directly), the page's author is the innermost hop that shows, in its own answer, that it runs that product.
 */
function productHopIndex(results: Array<ProbeResult | null>, entryPrint: GatewayFingerprint): number | null {
  const pattern = entryPrint.generated ? PRODUCT_HEADERS[entryPrint.gateway] : undefined;
  if (!pattern) return null;
  for (let index = results.length - 1; index >= 1; index--) {
    const headers = results[index]?.headers ?? {};
    if (pattern.test(headers.server ?? '') || pattern.test(headers.via ?? '')) return index;
  }
  return null;
}

function isTimerExpiry(result: ProbeResult, print: GatewayFingerprint, options: AttributionOptions): boolean {
  if (result.status === 504 || result.status === 522 || result.status === 524) return true;
  if (print.cloudflare && (print.cloudflare.code === 522 || print.cloudflare.code === 524)) return true;
  if (print.detail && /time[ -]?out|timed out|didn't respond in time/i.test(print.detail)) return true;
  return print.generated && result.status !== null && result.status >= 500 && elapsedMs(result) >= options.timerLikeMs;
}

function slowIndexBehind(results: Array<ProbeResult | null>, reporter: number, options: AttributionOptions): number | null {
  const waitedMs = elapsedMs(results[reporter]!);
  for (let index = results.length - 1; index > reporter; index--) {
    const hop = results[index];
    if (hop && isHealthy(hop) && elapsedMs(hop) >= waitedMs * options.slowFraction) return index;
  }
  return null;
}

function deepestIndex(results: Array<ProbeResult | null>, predicate: (result: ProbeResult) => boolean): number | null {
  for (let index = results.length - 1; index >= 0; index--) {
    if (results[index] && predicate(results[index]!)) return index;
  }
  return null;
}
