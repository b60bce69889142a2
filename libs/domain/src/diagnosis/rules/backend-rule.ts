// One bad backend behind a load balancer: in the failing runs, exactly one of the balancer's backends fails its
// direct check while every other one answers. The balancer passes some requests to it and the entry fails for those.
// Or every backend answers, but one far slower than the others while the entry times out (slow-backend.ts).
import { backendTarget, type Backend } from '../../site/backends';
import type { ClassifyContext, RunView } from '../classify-context';
import { failureKindOf, isHealthy, isUnhealthy } from '../failure-kind';
import type { BackendFacts, Finding } from '../finding';
import { evidenceOf, gatewayOf } from '../finding-tools';
import type { HopSpec } from '../observed';
import { entryTimedOut, slowBackendObservation, slowBackends, type SlowBackend } from '../slow-backend';
import { BY_FAILURE } from './chain-rule';

export function backendFinding(context: ClassifyContext): Finding | null {
  for (const balancer of context.layout.hops) {
    const backends = balancer.backends ?? [];
    if (backends.length < 2) continue;
    const bad = backends.filter((backend) => failsInEveryRun(context.failing, target(balancer, backend)));
    const good = backends.filter((backend) => answersInEveryRun(context.failing, target(balancer, backend)));
    if (bad.length === 1 && good.length === backends.length - 1) return finding(context, balancer, bad[0], backends.length);
  }
  return null;
}

/** The entry times out now and then, every backend answers its own check, and exactly one answers far slower. */
export function slowBackendFinding(context: ClassifyContext): Finding | null {
  if (context.failing.length === 0 || !context.failing.every(entryTimedOut)) return null;
  const slow = slowBackends(context);
  if (slow.length !== 1) return null;
  const [found] = slow;
  const backends = found.balancer.backends ?? [];
  if (backends.some((backend) => context.failing.some((view) => isUnhealthy(view.result(target(found.balancer, backend)))))) return null;
  return slowFinding(context, found);
}

function slowFinding(context: ClassifyContext, slow: SlowBackend): Finding {
  const view = context.failing[0];
  const rate = context.pattern?.failureRate ?? null;
  const fitsShare = rate !== null && rate.low <= 1 / slow.of && 1 / slow.of <= rate.high;
  return {
    cause: 'backend_failing',
    failingHop: slow.target,
    reportedBy: view.attribution.reportedBy,
    gateway: gatewayOf(view.attribution),
    confidence: fitsShare ? 0.85 : 0.75,
    proxyStatus: BY_FAILURE.slow?.proxyStatus ?? null,
    failure: 'slow',
    evidence: [...context.failing.map((failing) => evidenceOf(failing.entry)), { observation: slowBackendObservation(slow), resultIds: slow.resultIds }],
    regions: [...new Set(context.failing.map((failingView) => failingView.region))].sort(),
    hints: [],
    facts: {
      status: view.entry.status,
      errorCode: view.entry.errorCode,
      errorMessage: view.entry.errorMessage,
      backend: { ...backendFacts(slow.balancer, slow.backend, slow.of, rate), latencyMs: slow.latencyMs, siblingsMs: slow.siblingsMs },
    },
  };
}

function backendFacts(balancer: HopSpec, backend: Backend, count: number, rate: { rate: number; low: number; high: number } | null): BackendFacts {
  return { balancer: balancer.target, name: backend.name, address: backend.address, of: count, entryFailureRate: rate && { rate: rate.rate, low: rate.low, high: rate.high } };
}

function target(balancer: HopSpec, backend: Backend): string {
  return backendTarget(balancer.target, backend.name);
}

function failsInEveryRun(views: RunView[], name: string): boolean {
  const results = views.map((view) => view.result(name)).filter((result) => result !== null);
  return results.length > 0 && results.every((result) => isUnhealthy(result));
}

function answersInEveryRun(views: RunView[], name: string): boolean {
  const results = views.map((view) => view.result(name)).filter((result) => result !== null);
  return results.length > 0 && results.every((result) => isHealthy(result));
}

function finding(context: ClassifyContext, balancer: HopSpec, backend: Backend, count: number): Finding {
  const name = target(balancer, backend);
  const view = context.failing.find((candidate) => candidate.result(name) !== null)!;
  const failing = view.result(name)!;
  const failure = failureKindOf(failing);
  const rate = context.pattern?.failureRate ?? null;
  // a failure rate whose interval holds 1/N is what one bad backend of N under round-robin looks like
  const fitsShare = rate !== null && rate.low <= 1 / count && 1 / count <= rate.high;
  return {
    cause: 'backend_failing',
    failingHop: name,
    reportedBy: view.attribution.reportedBy,
    gateway: gatewayOf(view.attribution),
    confidence: fitsShare ? 0.9 : 0.8,
    proxyStatus: (failure && BY_FAILURE[failure]?.proxyStatus) ?? null,
    failure,
    evidence: [
      evidenceOf(view.entry),
      evidenceOf(failing, 'checked directly: '),
      ...(balancer.backends ?? [])
        .filter((other) => other.name !== backend.name)
        .map((other) => view.result(target(balancer, other)))
        .filter((result) => result !== null)
        .map((result) => evidenceOf(result, 'checked directly: ')),
    ],
    regions: [...new Set(context.failing.map((failingView) => failingView.region))].sort(),
    hints: [],
    facts: {
      status: failing.status,
      errorCode: failing.errorCode,
      errorMessage: failing.errorMessage,
      backend: backendFacts(balancer, backend, count, rate),
    },
  };
}
