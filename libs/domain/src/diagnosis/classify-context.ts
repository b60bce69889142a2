// Everything the classification rules look at, computed once: each run's results by target and its attribution.
import type { PatternVerdict } from '../patterns/detect-pattern';
import { ENTRY_TARGET } from '../site/site';
import { attributeHop, DEFAULT_ATTRIBUTION, type AttributionOptions, type HopAttribution } from './attribute-hop';
import { isHealthy, isUnhealthy } from './failure-kind';
import { hopOrder, isDnsTarget, type ChainLayout, type ObservedResult, type ObservedRun } from './observed';

export type ClassifyOptions = AttributionOptions;
export const DEFAULT_CLASSIFY: ClassifyOptions = DEFAULT_ATTRIBUTION;

export type ClassifyInput = {
  layout: ChainLayout;
  /** The latest run of each region; add a region's most recent failing run too when its latest run passed. */
  runs: ObservedRun[];
  /** The verdict of detectPattern over the same site's recent entry outcomes. */
  pattern?: PatternVerdict | null;
  /** The source address each region probes from, to name in filtering advice. */
  regionSourceAddresses?: Record<string, string>;
  options?: Partial<ClassifyOptions>;
};

export type RunView = {
  run: ObservedRun;
  region: string;
  entry: ObservedResult;
  dnsResults: ObservedResult[];
  attribution: HopAttribution;
  result(target: string): ObservedResult | null;
};

export type ClassifyContext = {
  layout: ChainLayout;
  order: string[];
  failing: RunView[];
  healthy: RunView[];
  /** Each region's latest run. */
  latest: RunView[];
  pattern: PatternVerdict | null;
  regionSourceAddresses: Record<string, string>;
  options: ClassifyOptions;
};

export function classifyContext(input: ClassifyInput): ClassifyContext {
  const options = { ...DEFAULT_CLASSIFY, ...input.options };
  const order = hopOrder(input.layout);
  const views = input.runs.map((run) => runView(run, order, options)).filter((view): view is RunView => view !== null);
  return {
    layout: input.layout,
    order,
    failing: views.filter((view) => isUnhealthy(view.entry)),
    healthy: views.filter((view) => isHealthy(view.entry)),
    latest: latestPerRegion(views),
    pattern: input.pattern ?? null,
    regionSourceAddresses: input.regionSourceAddresses ?? {},
    options,
  };
}

function runView(run: ObservedRun, order: string[], options: ClassifyOptions): RunView | null {
  const entry = run.results.find((result) => result.target === ENTRY_TARGET);
  if (!entry) return null;
  const byTarget = new Map(run.results.map((result) => [result.target, result]));
  return {
    run,
    region: run.region,
    entry,
    dnsResults: run.results.filter((result) => isDnsTarget(result.target)),
    attribution: attributeHop(run, order, options),
    result: (target) => byTarget.get(target) ?? null,
  };
}

function latestPerRegion(views: RunView[]): RunView[] {
  const latest = new Map<string, RunView>();
  for (const view of views) {
    const current = latest.get(view.region);
    if (!current || view.run.slot > current.run.slot) latest.set(view.region, view);
  }
  return [...latest.values()];
}

/** The hop right behind `target` in the chain, or null for the innermost. */
export function nextHopAfter(context: ClassifyContext, target: string): string | null {
  const index = context.order.indexOf(target);
  return index >= 0 && index < context.order.length - 1 ? context.order[index + 1] : null;
}

export function depthOf(context: ClassifyContext, target: string | null): number {
  return target === null ? -1 : context.order.indexOf(target);
}
