// Small helpers the rules share: evidence lines, the gateway of an attribution, and merging per-run findings.
import type { Gateway } from '../fingerprint/gateway';
import type { HopAttribution } from './attribute-hop';
import type { RunView } from './classify-context';
import { describeResult } from './describe-result';
import type { Evidence } from './diagnosis';
import type { Finding } from './finding';
import type { ObservedResult } from './observed';
import { elapsedMs } from './failure-kind';
import { knownTimerFor } from './known-timers';

export function evidenceOf(result: ObservedResult, prefix = ''): Evidence {
  return { observation: `${prefix}${describeResult(result)}`, resultIds: [result.id] };
}

/** The entry's answer, the reporter's and the failing hop's direct checks, outermost first, without repeats. */
export function chainEvidence(view: RunView): Evidence[] {
  const { reportedBy, failingHop } = view.attribution;
  const targets = [...new Set(['entry', reportedBy, failingHop].filter((target): target is string => target !== null))];
  const results = targets.map((target) => view.result(target)).filter((result): result is ObservedResult => result !== null);
  return [...results.map((result) => evidenceOf(result)), ...timerEvidence(view)];
}

// A timeout answer that arrived after a well-known default names whose timer probably fired.
function timerEvidence(view: RunView): Evidence[] {
  if (!view.attribution.reporterTimedOut) return [];
  const elapsed = elapsedMs(view.entry);
  const timer = knownTimerFor(elapsed);
  return timer ? [{ observation: `the error arrived after ${Math.round(elapsed / 1000)} s, the default of ${timer}`, resultIds: [view.entry.id] }] : [];
}

/** The product that wrote the error answer, when one did. */
export function gatewayOf(attribution: HopAttribution): Gateway {
  const print = attribution.reporterFingerprint;
  if (!print) return 'unknown';
  return print.generated || print.cloudflare ? print.gateway : 'unknown';
}

export function clampConfidence(value: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, value)) * 100) / 100;
}

/** One finding from several regions' runs: the conclusion most runs reach, a little surer when they agree. */
export function mergeFindings(findings: Finding[]): Finding | null {
  if (findings.length === 0) return null;
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.cause}|${finding.failingHop}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length || topConfidence(b) - topConfidence(a))[0];
  const lead = [...best].sort((a, b) => b.confidence - a.confidence)[0];
  return {
    ...lead,
    confidence: clampConfidence(lead.confidence + 0.05 * (best.length - 1)),
    evidence: dedupeEvidence(best.flatMap((finding) => finding.evidence)),
    regions: [...new Set(best.flatMap((finding) => finding.regions))].sort(),
    hints: [...new Set(best.flatMap((finding) => finding.hints))],
  };
}

export function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = `${item.observation}|${item.resultIds.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function topConfidence(findings: Finding[]): number {
  return Math.max(...findings.map((finding) => finding.confidence));
}
