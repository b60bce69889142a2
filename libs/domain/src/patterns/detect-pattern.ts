// Decides from each region's recent entry checks whether a site is in trouble, in which shape, and whether an
// incident should open or may resolve (DESIGN §4 detection defaults). Pure: the flip history and `now` come in.
import { detectDeployWindow, type DeployWindowHint } from './deploy-window';
import { detectionOptions, type DetectionOptions } from './detection-options';
import type { EntryOutcome } from './entry-outcome';
import { failureRate, type FailureRate } from './failure-rate';
import { flipsWithin } from './flapping';
import { detectOverload, type OverloadSignal } from './overload';
import type { Pattern } from './pattern';
import { regionState, type RegionState } from './region-state';

export type PatternInput = {
  /** Entry outcomes per region, newest last. */
  outcomes: Record<string, EntryOutcome[]>;
  /** When the site's incidents opened or resolved (or would have, while held open), for flap counting. */
  flips?: readonly Date[];
  now: Date;
  options?: Partial<DetectionOptions>;
};

/** The stretch of checks the pattern and the failure rate were judged on: the failing regions' current episodes. */
export type ObservedWindow = { fromSlot: number; toSlot: number; checks: number };

export type PatternVerdict = {
  /** The shape of the trouble, or null while no region is failing. */
  pattern: Pattern | null;
  /** Some region meets the open rule (`confirmations` in a row, or the gateway-error rate). */
  shouldOpen: boolean;
  /** No region meets the open rule and every region with checks has recovered. */
  shouldResolve: boolean;
  affectedRegions: string[];
  healthyRegions: string[];
  regions: RegionState[];
  /** Failures since the onset in the failing regions, with a 95 % confidence interval; null while none fails. */
  failureRate: FailureRate | null;
  window: ObservedWindow | null;
  /** The first failed check of the episode (its slot's time): when the trouble started. */
  onset: Date | null;
  overload: OverloadSignal | null;
  deployWindows: DeployWindowHint[];
  flipsInWindow: number;
  flapping: boolean;
  /** The rules that fired, in words. */
  reasons: string[];
};

export function detectPattern(input: PatternInput): PatternVerdict {
  const options = detectionOptions(input.options);
  const regions = Object.entries(input.outcomes).map(([region, outcomes]) => regionState(region, outcomes, options));
  const withChecks = regions.filter((state) => state.checks > 0);
  const affected = withChecks.filter((state) => state.trigger !== null);
  const healthy = withChecks.filter((state) => state.healthy);
  const flipsInWindow = flipsWithin(input.flips ?? [], input.now, options.flapWindowMs).length;
  const flapping = flipsInWindow > options.flapLimit;
  return {
    pattern: affected.length === 0 ? null : patternOf(affected, healthy, flapping),
    shouldOpen: affected.length > 0,
    shouldResolve: affected.length === 0 && withChecks.length > 0 && withChecks.every((state) => state.recovered),
    affectedRegions: affected.map((state) => state.region),
    healthyRegions: healthy.map((state) => state.region),
    regions,
    ...episodeFigures(affected),
    overload: affected.length > 0 ? detectOverload(pick(input.outcomes, affected), options) : null,
    deployWindows: withChecks.flatMap((state) => detectDeployWindow(state.region, input.outcomes[state.region], options) ?? []),
    flipsInWindow,
    flapping,
    reasons: reasonsFor(affected, healthy, flapping, flipsInWindow, options),
  };
}

function patternOf(affected: RegionState[], healthy: RegionState[], flapping: boolean): Pattern {
  if (flapping) return 'flapping';
  if (healthy.length > 0) return 'regional';
  return affected.some((state) => state.persistent) ? 'persistent' : 'intermittent';
}

function episodeFigures(affected: RegionState[]): Pick<PatternVerdict, 'failureRate' | 'window' | 'onset'> {
  const episodes = affected.flatMap((state) => (state.episode ? [state.episode] : []));
  if (episodes.length === 0) return { failureRate: null, window: null, onset: null };
  const checks = episodes.reduce((sum, episode) => sum + episode.checks, 0);
  const failures = episodes.reduce((sum, episode) => sum + episode.failures, 0);
  const fromSlot = Math.min(...episodes.map((episode) => episode.onsetSlot));
  const toSlot = Math.max(...episodes.map((episode) => episode.latestSlot));
  return { failureRate: failureRate(failures, checks), window: { fromSlot, toSlot, checks }, onset: new Date(fromSlot * 1000) };
}

function pick(outcomes: Record<string, EntryOutcome[]>, states: RegionState[]): Record<string, EntryOutcome[]> {
  return Object.fromEntries(states.map((state) => [state.region, outcomes[state.region]]));
}

function reasonsFor(affected: RegionState[], healthy: RegionState[], flapping: boolean, flips: number, options: DetectionOptions): string[] {
  const reasons = affected.map((state) =>
    state.trigger === 'consecutive'
      ? `${state.region}: ${state.consecutiveFailures} failed entry checks in a row (open after ${options.confirmations})`
      : `${state.region}: ${state.scatteredGatewayErrors} of the last ${Math.min(options.rateWindow, state.checks)} entry checks failed with a gateway status, never ${options.confirmations} in a row (threshold ${Math.round(options.rateThreshold * 100)}% of ${options.rateWindow})`,
  );
  if (affected.length > 0 && healthy.length > 0) reasons.push(`healthy meanwhile: ${healthy.map((state) => state.region).join(', ')}`);
  if (flapping) reasons.push(`${flips} open/resolve flips within ${Math.round(options.flapWindowMs / 60_000)} minutes (limit ${options.flapLimit})`);
  return reasons;
}
