// What the incident logic needs to remember about a site's latest incident between runs.
import type { Diagnosis } from '../diagnosis/diagnosis';
import type { ObservedWindow } from '../patterns/detect-pattern';
import type { FailureRate } from '../patterns/failure-rate';
import type { Pattern } from '../patterns/pattern';

export type IncidentState = {
  status: 'open' | 'resolved';
  /** The first failed check of the episode: durations and downtime count from here. */
  startedAt: Date;
  /** When the open rule fired. */
  confirmedAt: Date;
  resolvedAt: Date | null;
  pattern: Pattern;
  /** Every region the incident has affected so far. */
  regions: string[];
  diagnosis: Diagnosis;
  /** Failures since the onset, with their 95 % interval, as last judged while failing. */
  failureRate: FailureRate | null;
  window: ObservedWindow | null;
  /** When the site's incidents opened or resolved, or would have while held open; only the flap window is kept. */
  flips: Date[];
  /** More than the limit of flips inside the flap window. */
  flapping: boolean;
  /** Held open by flapping although its failure has stopped for now. */
  heldOpen: boolean;
  /** A root incident whose own site recovered while member sites still fail: it ends with the last of them. */
  awaitingMembers: boolean;
};
