// The incident lifecycle as a pure function: (latest incident, verdict, now) → what to do. Flips (opens and
// resolutions, real or held back) are counted over the flap window; beyond the limit the incident is flapping and
// stays open instead of alerting on every flip (DESIGN §4).
import type { Diagnosis } from '../diagnosis/diagnosis';
import { DEFAULT_DETECTION } from '../patterns/detection-options';
import type { ObservedWindow } from '../patterns/detect-pattern';
import type { FailureRate } from '../patterns/failure-rate';
import { flipsWithin } from '../patterns/flapping';
import type { Pattern } from '../patterns/pattern';
import { incidentChanges, isMaterial, type IncidentChange } from './incident-changes';
import type { IncidentState } from './incident-state';

export type IncidentVerdict = {
  /** From detectPattern: the open rule holds in some region. */
  shouldOpen: boolean;
  /** From detectPattern: every region has recovered. */
  shouldResolve: boolean;
  pattern: Pattern | null;
  affectedRegions: string[];
  /** From classify; refines an open incident. */
  diagnosis: Diagnosis | null;
  /** From detectPattern: the first failed check of the episode. */
  onset?: Date | null;
  failureRate?: FailureRate | null;
  window?: ObservedWindow | null;
  /** For a root incident: how many of its members are still open. Its resolution waits for the last of them. */
  openMembers?: number;
};

export type IncidentTransition =
  | { kind: 'open'; incident: IncidentState; notify: true }
  | { kind: 'update'; incident: IncidentState; changes: IncidentChange[]; notify: boolean }
  | { kind: 'resolve'; incident: IncidentState; notify: true }
  | { kind: 'hold-open-flapping'; incident: IncidentState; changes: IncidentChange[]; notify: boolean }
  | { kind: 'reopen'; incident: IncidentState; changes: IncidentChange[]; notify: boolean }
  | { kind: 'await-members'; incident: IncidentState; notify: false }
  | { kind: 'none'; incident: IncidentState | null; notify: false };

export type FlapOptions = {
  flapLimit: number;
  flapWindowMs: number;
  /**
   * A failure this soon after a resolution reopens the same incident instead of starting a new one: its resolved
   * notice is still being held back (the quiet period), so nobody has been told it was over. 0 disables it.
   */
  reopenWithinMs?: number;
};

/** `state` is the site's latest incident, open or resolved (a resolved one carries the flip history), or null. */
export function incidentTransition(state: IncidentState | null, verdict: IncidentVerdict, now: Date, options: FlapOptions = DEFAULT_DETECTION): IncidentTransition {
  const flips = flipsWithin(state?.flips ?? [], now, options.flapWindowMs);
  if (state?.status === 'resolved' && verdict.shouldOpen && resolvedWithin(state, now, options.reopenWithinMs ?? 0)) {
    return reopen({ ...state, flips }, verdict, now, options);
  }
  if (!state || state.status === 'resolved') return openOrNothing(state, verdict, now, flips, options);
  if (verdict.shouldResolve && (verdict.openMembers ?? 0) > 0) return awaitMembers({ ...state, flips });
  if (verdict.shouldResolve) return resolveOrHold({ ...state, flips }, now, options);
  if (verdict.shouldOpen) return refine({ ...state, flips }, verdict, now, options);
  return { kind: 'none', incident: { ...state, flips }, notify: false };
}

function openOrNothing(state: IncidentState | null, verdict: IncidentVerdict, now: Date, flips: Date[], options: FlapOptions): IncidentTransition {
  if (!verdict.shouldOpen) return { kind: 'none', incident: state, notify: false };
  const nextFlips = [...flips, now];
  const flapping = nextFlips.length > options.flapLimit;
  const incident: IncidentState = {
    status: 'open',
    startedAt: startOf(verdict.onset ?? null, state, now),
    confirmedAt: now,
    resolvedAt: null,
    pattern: flapping ? 'flapping' : verdict.pattern ?? 'persistent',
    regions: [...verdict.affectedRegions].sort(),
    diagnosis: verdict.diagnosis ?? undiagnosed(),
    failureRate: verdict.failureRate ?? null,
    window: verdict.window ?? null,
    flips: nextFlips,
    flapping,
    heldOpen: false,
    awaitingMembers: false,
  };
  return { kind: 'open', incident, notify: true };
}

// The root cause is not over while other sites still fail at it: the root stays open, saying so once, quietly.
function awaitMembers(state: IncidentState): IncidentTransition {
  if (state.awaitingMembers) return { kind: 'none', incident: state, notify: false };
  return { kind: 'await-members', incident: { ...state, awaitingMembers: true, heldOpen: false }, notify: false };
}

function resolveOrHold(state: IncidentState, now: Date, options: FlapOptions): IncidentTransition {
  if (state.heldOpen) {
    // The held-back resolution was counted when it happened; resolve once the flips have aged out of the window.
    if (state.flips.length > options.flapLimit) return { kind: 'none', incident: state, notify: false };
    return { kind: 'resolve', incident: { ...state, status: 'resolved', resolvedAt: now, heldOpen: false, flapping: false }, notify: true };
  }
  const flips = [...state.flips, now];
  if (flips.length <= options.flapLimit) {
    return { kind: 'resolve', incident: { ...state, status: 'resolved', resolvedAt: now, flips }, notify: true };
  }
  const changes: IncidentChange[] = state.flapping ? [] : [{ field: 'flapping', from: false, to: true }];
  if (state.pattern !== 'flapping') changes.push({ field: 'pattern', from: state.pattern, to: 'flapping' });
  const incident: IncidentState = { ...state, flips, flapping: true, heldOpen: true, pattern: 'flapping' };
  return { kind: 'hold-open-flapping', incident, changes, notify: !state.flapping };
}

function refine(state: IncidentState, verdict: IncidentVerdict, now: Date, options: FlapOptions): IncidentTransition {
  const flips = state.heldOpen ? [...state.flips, now] : state.flips;
  const flapping = flips.length > options.flapLimit;
  const pattern = flapping ? 'flapping' : verdict.pattern;
  const changes = incidentChanges(state, verdict.diagnosis, pattern, verdict.affectedRegions);
  if (state.flapping && !flapping) changes.push({ field: 'flapping', from: true, to: false });
  const incident: IncidentState = {
    ...state,
    flips,
    flapping,
    heldOpen: false,
    awaitingMembers: false,
    pattern: pattern ?? state.pattern,
    regions: [...new Set([...state.regions, ...verdict.affectedRegions])].sort(),
    diagnosis: verdict.diagnosis ?? state.diagnosis,
    ...latestFigures(state, verdict),
  };
  const notify = changes.some(isMaterial);
  if (state.heldOpen) return { kind: 'hold-open-flapping', incident, changes, notify };
  if (changes.length === 0) return { kind: 'none', incident, notify: false };
  return { kind: 'update', incident, changes, notify };
}

function resolvedWithin(state: IncidentState, now: Date, windowMs: number): boolean {
  return state.resolvedAt !== null && now.getTime() - state.resolvedAt.getTime() < windowMs;
}

/** The resolution was a flip, not the end: the incident is open again; people hear only when it starts flapping. */
function reopen(state: IncidentState, verdict: IncidentVerdict, now: Date, options: FlapOptions): IncidentTransition {
  const flips = [...state.flips, now];
  const flapping = flips.length > options.flapLimit;
  const changes = incidentChanges(state, verdict.diagnosis, flapping ? 'flapping' : verdict.pattern, verdict.affectedRegions);
  if (flapping && !state.flapping) changes.push({ field: 'flapping', from: false, to: true });
  const incident: IncidentState = {
    ...state,
    status: 'open',
    resolvedAt: null,
    flips,
    flapping,
    heldOpen: false,
    pattern: flapping ? 'flapping' : verdict.pattern ?? state.pattern,
    regions: [...new Set([...state.regions, ...verdict.affectedRegions])].sort(),
    diagnosis: verdict.diagnosis ?? state.diagnosis,
    ...latestFigures(state, verdict),
  };
  return { kind: 'reopen', incident, changes, notify: flapping && !state.flapping };
}

// The first failed check of the episode, but never before the previous incident ended: its failures were that one's.
function startOf(onset: Date | null, previous: IncidentState | null, now: Date): Date {
  let start = onset && onset < now ? onset : now;
  if (previous?.resolvedAt && start < previous.resolvedAt) start = previous.resolvedAt;
  return start;
}

function latestFigures(state: IncidentState, verdict: IncidentVerdict): Pick<IncidentState, 'failureRate' | 'window'> {
  return { failureRate: verdict.failureRate ?? state.failureRate, window: verdict.window ?? state.window };
}

function undiagnosed(): Diagnosis {
  return { cause: 'unknown', failingHop: null, reportedBy: null, gateway: 'unknown', confidence: 0, summary: 'Not diagnosed yet.', evidence: [], proxyStatus: null, nextSteps: [], hints: [], regions: [] };
}
