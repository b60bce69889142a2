// Names the cause of a site's failure from the latest runs of each region, the chain layout and the failure
// pattern. Rules run from the most explicit evidence to the most inferred; the first that concludes wins, then
// overload and the deploy-window / keep-alive notes refine it.
import { classifyContext, type ClassifyContext, type ClassifyInput, type RunView } from './classify-context';
import type { Diagnosis } from './diagnosis';
import type { Finding } from './finding';
import { clampConfidence, evidenceOf, mergeFindings } from './finding-tools';
import { nextStepsFor } from './next-steps';
import { backendFinding, slowBackendFinding } from './rules/backend-rule';
import { chainFinding } from './rules/chain-rule';
import { cloudflareFinding } from './rules/cloudflare-rule';
import { dnsFailureFinding, dnsInconsistentFinding } from './rules/dns-rules';
import { edgeFilteringFinding } from './rules/edge-filtering-rule';
import { heartbeatFinding } from './rules/heartbeat-rule';
import { addHints } from './rules/hints';
import { applyOverload } from './rules/overload-rule';
import { probeBlockedFinding } from './rules/probe-blocked-rule';
import { proxyStatusFinding } from './rules/proxy-status-rule';
import { tlsFinding } from './rules/tls-rule';
import { summarise } from './summary';

export type { ClassifyInput } from './classify-context';

type Rule = (context: ClassifyContext) => Finding | null;

const perRun = (rule: (view: RunView, context: ClassifyContext) => Finding | null): Rule => (context) =>
  mergeFindings(context.failing.map((view) => rule(view, context)).filter((finding): finding is Finding => finding !== null));

const RULES: readonly Rule[] = [
  heartbeatFinding,
  perRun(proxyStatusFinding),
  dnsFailureFinding,
  dnsInconsistentFinding,
  perRun(tlsFinding),
  edgeFilteringFinding,
  perRun(cloudflareFinding),
  backendFinding,
  slowBackendFinding,
  perRun(chainFinding),
];

export function classify(input: ClassifyInput): Diagnosis {
  const context = classifyContext(input);
  const blocked = context.failing.length === 0 ? probeBlockedFinding(context) : null;
  if (context.failing.length === 0 && !blocked) return nothingFailed(context);
  const found = blocked ?? firstFinding(context) ?? unexplained(context);
  const finding = addHints(applyOverload(found, context), context);
  return {
    cause: finding.cause,
    failingHop: finding.failingHop,
    reportedBy: finding.reportedBy,
    gateway: finding.gateway,
    confidence: clampConfidence(finding.confidence),
    summary: summarise(finding, context),
    evidence: finding.evidence,
    proxyStatus: finding.proxyStatus,
    nextSteps: nextStepsFor(finding, context),
    hints: finding.hints,
    regions: finding.regions,
  };
}

function firstFinding(context: ClassifyContext): Finding | null {
  for (const rule of RULES) {
    const finding = rule(context);
    if (finding) return finding;
  }
  return null;
}

function unexplained(context: ClassifyContext): Finding {
  const view = context.failing[0];
  return {
    cause: 'unknown',
    failingHop: view.attribution.failingHop,
    reportedBy: view.attribution.reportedBy,
    gateway: 'unknown',
    confidence: 0.2,
    proxyStatus: null,
    failure: view.attribution.failure,
    evidence: context.failing.map((failing) => evidenceOf(failing.entry)),
    regions: [...new Set(context.failing.map((failing) => failing.region))],
    hints: [],
    facts: { status: view.entry.status, errorCode: view.entry.errorCode, errorMessage: view.entry.errorMessage },
  };
}

function nothingFailed(context: ClassifyContext): Diagnosis {
  return {
    cause: 'unknown',
    failingHop: null,
    reportedBy: null,
    gateway: 'unknown',
    confidence: 0,
    summary: 'Every run given passed at the entry: there is no failure to diagnose in them (pass the latest failing run of each region).',
    evidence: context.latest.map((view) => evidenceOf(view.entry)),
    proxyStatus: null,
    nextSteps: [],
    hints: [],
    regions: [],
  };
}
