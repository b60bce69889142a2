// Where one region stands against the open and resolve rules, from its recent entry checks.
import { rateFailuresNeeded, type DetectionOptions } from './detection-options';
import type { EntryOutcome } from './entry-outcome';
import { episodeOf, type Episode } from './episode';

export type RegionState = {
  region: string;
  checks: number;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  /** Failures in the last `rateWindow` checks. */
  failuresInWindow: number;
  /** Failures with a gateway status (502/503/504…) in the last `rateWindow` checks. */
  gatewayErrorsInWindow: number;
  /** Those of them that are not part of a run of `confirmations` or more failures: what the rate rule counts. */
  scatteredGatewayErrors: number;
  /** Which rule says this region is failing: enough failures in a row, or enough scattered gateway errors. */
  trigger: 'consecutive' | 'rate' | null;
  /** The current episode: from its first failed check to now; null when nothing in the window failed. */
  episode: Episode | null;
  /** Failing now, and the failures since the episode's onset are (nearly) continuous. */
  persistent: boolean;
  /** `recoveries` successes in a row and scattered gateway errors back under the rate threshold. */
  recovered: boolean;
  /** No failure at all in the window. */
  healthy: boolean;
};

export function regionState(region: string, outcomes: EntryOutcome[], options: DetectionOptions): RegionState {
  const ordered = [...outcomes].sort((a, b) => a.slot - b.slot);
  const window = ordered.slice(-options.rateWindow);
  const consecutiveFailures = trailing(ordered, false);
  const consecutiveSuccesses = trailing(ordered, true);
  const failuresInWindow = window.filter((outcome) => !outcome.ok).length;
  const gatewayErrorsInWindow = window.filter((outcome) => isGatewayError(outcome, options)).length;
  const scatteredGatewayErrors = scattered(window, options);
  const needed = rateFailuresNeeded(options);
  const episode = episodeOf(ordered, options.episodeQuietChecks);
  const trigger = consecutiveFailures >= options.confirmations ? 'consecutive' : scatteredGatewayErrors >= needed ? 'rate' : null;
  return {
    region,
    checks: ordered.length,
    consecutiveFailures,
    consecutiveSuccesses,
    failuresInWindow,
    gatewayErrorsInWindow,
    scatteredGatewayErrors,
    trigger,
    episode,
    persistent: isPersistent(consecutiveFailures, episode, options),
    recovered: consecutiveSuccesses >= options.recoveries && scatteredGatewayErrors < needed,
    healthy: ordered.length > 0 && failuresInWindow === 0,
  };
}

// Two failures in a row happen all the time to an origin failing a third of its requests; what tells an outage
// apart is that (almost) nothing has succeeded since the trouble began, or that the failures have gone on in a row
// for longer than chance makes plausible.
function isPersistent(consecutiveFailures: number, episode: Episode | null, options: DetectionOptions): boolean {
  if (consecutiveFailures < options.confirmations || !episode) return false;
  if (consecutiveFailures >= options.persistentStreak) return true;
  return episode.failures >= options.persistentShare * episode.checks - 1e-9;
}

export function isGatewayError(outcome: EntryOutcome, options: DetectionOptions): boolean {
  return !outcome.ok && outcome.status !== null && options.gatewayStatuses.includes(outcome.status);
}

function trailing(outcomes: EntryOutcome[], ok: boolean): number {
  let count = 0;
  for (let index = outcomes.length - 1; index >= 0 && outcomes[index].ok === ok; index--) count++;
  return count;
}

// A run of `confirmations` failures is the consecutive rule's business: it opens an incident as it happens, and
// once it has ended it must not keep one open until its failures leave the window. The rate rule is for what the
// consecutive rule cannot see: gateway errors scattered between successes.
function scattered(window: EntryOutcome[], options: DetectionOptions): number {
  let count = 0;
  let streak: EntryOutcome[] = [];
  const flush = () => {
    if (streak.length < options.confirmations) count += streak.filter((outcome) => isGatewayError(outcome, options)).length;
    streak = [];
  };
  for (const outcome of window) {
    if (outcome.ok) flush();
    else streak.push(outcome);
  }
  flush();
  return count;
}
