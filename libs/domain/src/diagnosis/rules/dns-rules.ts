// DNS causes: the entry name does not resolve (dns_failure), or resolvers disagree and the failures follow one
// answer set (dns_inconsistent: the seeds' VPN case, where another resolver hands out another address).
import type { ClassifyContext, RunView } from '../classify-context';
import { failureKindOf } from '../failure-kind';
import type { Finding } from '../finding';
import { chainEvidence, dedupeEvidence, evidenceOf, gatewayOf } from '../finding-tools';
import type { ObservedResult } from '../observed';

export function dnsFailureFinding(context: ClassifyContext): Finding | null {
  const unresolved = context.failing.filter((view) => failureKindOf(view.entry) === 'dns');
  if (unresolved.length === 0) return null;
  const dnsResults = unresolved.flatMap((view) => view.dnsResults);
  const failing = dnsResults.filter((result) => !answered(result));
  const answering = dnsResults.filter(answered);
  const timedOut = unresolved.some((view) => view.entry.errorCode === 'DNS_TIMEOUT') || failing.some((result) => result.dns?.rcode === 'TIMEOUT');
  return {
    cause: 'dns_failure',
    failingHop: 'entry',
    reportedBy: null,
    gateway: 'unknown',
    confidence: answering.length === 0 ? 0.9 : 0.75,
    proxyStatus: timedOut ? 'dns_timeout' : 'dns_error',
    failure: 'dns',
    evidence: [...unresolved.map((view) => evidenceOf(view.entry)), ...dnsResults.map((result) => evidenceOf(result, `resolver ${resolverOf(result)}: `))],
    regions: unique(unresolved.map((view) => view.region)),
    hints: [],
    facts: { errorCode: unresolved[0].entry.errorCode, resolvers: resolverFacts(failing, answering, []) },
  };
}

export function dnsInconsistentFinding(context: ClassifyContext): Finding | null {
  const all = [...context.failing, ...context.healthy];
  const answerSets = answerSetsByResolver(all.flatMap((view) => view.dnsResults));
  const distinct = new Set([...answerSets.values()].map((answers) => answers.join(',')));
  if (distinct.size < 2 && !all.some((view) => view.run.dnsDisagreement)) return null;
  const failingAddresses = unique(context.failing.map(addressOf).filter(isString));
  const healthyAddresses = unique(context.healthy.map(addressOf).filter(isString));
  if (failingAddresses.length === 0) return null;
  const bad = [...answerSets.entries()].filter(([, answers]) => failingAddresses.every((address) => answers.includes(address)) && !healthyAddresses.some((address) => answers.includes(address)));
  const good = [...answerSets.entries()].filter(([resolver]) => !bad.some(([badResolver]) => badResolver === resolver));
  if (bad.length === 0 || good.length === 0) return null;
  const lead = context.failing[0];
  return {
    cause: 'dns_inconsistent',
    failingHop: 'entry',
    reportedBy: lead.attribution.reportedBy,
    gateway: gatewayOf(lead.attribution),
    confidence: healthyAddresses.length > 0 ? 0.85 : 0.65,
    proxyStatus: 'dns_error',
    failure: lead.attribution.failure,
    evidence: inconsistencyEvidence(context, healthyAddresses),
    regions: unique(context.failing.map((view) => view.region)),
    hints: [],
    facts: {
      status: lead.entry.status,
      resolvers: {
        failing: bad.map(([resolver]) => resolver),
        answering: good.map(([resolver]) => resolver),
        badAnswers: unique(bad.flatMap(([, answers]) => answers)),
        goodAnswers: unique(good.flatMap(([, answers]) => answers)),
      },
    },
  };
}

function inconsistencyEvidence(context: ClassifyContext, healthyAddresses: string[]): Finding['evidence'] {
  const dns = [...context.failing, ...context.healthy].flatMap((view) => view.dnsResults);
  return dedupeEvidence([
    ...context.failing.map((view) => evidenceOf(view.entry, `connected to ${addressOf(view) ?? 'an unknown address'}: `)),
    ...context.healthy.filter((view) => healthyAddresses.includes(addressOf(view) ?? '')).map((view) => evidenceOf(view.entry, `connected to ${addressOf(view)}: `)),
    ...dns.map((result) => ({ observation: `resolver ${resolverOf(result)} answered ${(result.dns?.answers ?? []).join(', ') || result.dns?.rcode || 'nothing'}`, resultIds: [result.id] })),
    ...context.failing.flatMap((view) => chainEvidence(view).slice(1)),
  ]);
}

/** Where the entry probe connected: the remote address, or the first address its own lookup returned. */
function addressOf(view: RunView): string | null {
  return view.entry.remoteAddress ?? view.entry.dns?.answers[0] ?? null;
}

function answerSetsByResolver(results: ObservedResult[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const result of results) {
    const resolver = resolverOf(result);
    sets.set(resolver, unique([...(sets.get(resolver) ?? []), ...(result.dns?.answers ?? [])]).sort());
  }
  return sets;
}

function resolverFacts(failing: ObservedResult[], answering: ObservedResult[], badAnswers: string[]) {
  return {
    failing: unique(failing.map(resolverOf)),
    answering: unique(answering.map(resolverOf)),
    badAnswers,
    goodAnswers: unique(answering.flatMap((result) => result.dns?.answers ?? [])),
  };
}

function answered(result: ObservedResult): boolean {
  return result.dns !== null && result.dns.rcode === 'NOERROR' && result.dns.answers.length > 0;
}

export function resolverOf(result: ObservedResult): string {
  return result.dns?.resolver ?? result.target.replace(/^dns:/, '');
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function isString(value: string | null): value is string {
  return value !== null;
}
