// A backend that still answers, but far slower than its siblings: the balancer's timer fires for the requests it
// draws (intermittent 504s, timeouts at the entry) although every backend passes its own check. Judged on the
// median of each backend's direct answers in the runs given, against the median of the other backends' medians.
import { backendTarget, type Backend } from '../site/backends';
import type { ClassifyContext, RunView } from './classify-context';
import { elapsedMs, failureKindOf, isHealthy } from './failure-kind';
import type { HopSpec } from './observed';

export type SlowBackendOptions = { factor: number; floorMs: number };
/** Slow: at least 5 × the siblings' median and at least 500 ms. */
export const SLOW_BACKEND: SlowBackendOptions = { factor: 5, floorMs: 500 };

export type SlowBackend = {
  balancer: HopSpec;
  backend: Backend;
  /** The target it is checked as (`lb@app-2`). */
  target: string;
  of: number;
  latencyMs: number;
  siblingsMs: number;
  resultIds: string[];
};

export function slowBackends(context: ClassifyContext, options: SlowBackendOptions = SLOW_BACKEND): SlowBackend[] {
  const views = uniqueViews([...context.failing, ...context.latest]);
  return context.layout.hops.flatMap((balancer) => slowBehind(balancer, views, options));
}

/** The entry failed as a timer does: a timeout, a 504 or a gateway that says it gave up waiting. */
export function entryTimedOut(view: RunView): boolean {
  const failure = failureKindOf(view.entry);
  return failure === 'response_timeout' || failure === 'connect_timeout' || view.entry.status === 504 || view.attribution.reporterTimedOut;
}

export function slowBackendObservation(slow: SlowBackend): string {
  const times = Math.round(slow.latencyMs / Math.max(slow.siblingsMs, 1));
  return `backend ${slow.backend.name} (${slow.backend.address}) behind ${slow.balancer.target} answers in ${slow.latencyMs} ms, ${times}× the ${slow.siblingsMs} ms of the other ${slow.of - 1} (median of direct checks)`;
}

function slowBehind(balancer: HopSpec, views: RunView[], options: SlowBackendOptions): SlowBackend[] {
  const backends = balancer.backends ?? [];
  if (backends.length < 2) return [];
  const answers = backends.map((backend) => {
    const results = views.map((view) => view.result(backendTarget(balancer.target, backend.name))).filter((result) => result !== null && isHealthy(result));
    return { backend, results, latencyMs: median(results.map((result) => elapsedMs(result!))) };
  });
  return answers.flatMap(({ backend, results, latencyMs }) => {
    const siblingsMs = median(answers.filter((other) => other.backend !== backend).map((other) => other.latencyMs).filter((ms): ms is number => ms !== null));
    if (latencyMs === null || siblingsMs === null) return [];
    if (latencyMs < options.floorMs || latencyMs < options.factor * Math.max(siblingsMs, 1)) return [];
    const target = backendTarget(balancer.target, backend.name);
    return [{ balancer, backend, target, of: backends.length, latencyMs: Math.round(latencyMs), siblingsMs: Math.round(siblingsMs), resultIds: results.map((result) => result!.id) }];
  });
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function uniqueViews(views: RunView[]): RunView[] {
  return [...new Map(views.map((view) => [`${view.region}/${view.run.slot}`, view])).values()];
}
