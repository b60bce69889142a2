// Measures how often detectPattern labels seeded random failure sequences wrongly, for the misclassification table in
// the pattern tests and the README. An origin failing a share p of its checks at random is intermittent below
// `persistentAbove`, persistent from there on; every analysis of an open incident is scored, and the label at opening.
import { detectPattern } from '../src/patterns/detect-pattern';
import type { EntryOutcome } from '../src/patterns/entry-outcome';
import type { Pattern } from '../src/patterns/pattern';
import { T0_SLOT } from './builders';

export type AccuracyOptions = { seeds: number; healthyChecks: number; failingChecks: number; windowChecks: number; persistentAbove: number };

export type AccuracyRow = {
  failurePercent: number;
  truth: Pattern;
  /** Sequences in which an incident opened. */
  opened: number;
  /** Share of openings labelled wrongly. */
  wrongAtOpen: number;
  /** Share of all analyses of open incidents labelled wrongly. */
  wrongWhileOpen: number;
  /** The same share under the old rule (the current streak holds at least half of the window's failures). */
  wrongWhileOpenBefore: number;
};

export const DEFAULT_ACCURACY: AccuracyOptions = { seeds: 300, healthyChecks: 20, failingChecks: 60, windowChecks: 20, persistentAbove: 0.9 };

export function measurePatternAccuracy(failureShare: number, options: AccuracyOptions = DEFAULT_ACCURACY): AccuracyRow {
  const truth: Pattern = failureShare >= options.persistentAbove ? 'persistent' : 'intermittent';
  let opened = 0;
  let wrongAtOpen = 0;
  let analyses = 0;
  let wrong = 0;
  let wrongBefore = 0;
  for (let seed = 1; seed <= options.seeds; seed++) {
    const sequence = randomSequence(failureShare, seed, options);
    let open = false;
    for (let end = 1; end <= sequence.length; end++) {
      const window = sequence.slice(Math.max(0, end - options.windowChecks), end);
      const verdict = detectPattern({ outcomes: { default: window }, now: new Date(window[window.length - 1].slot * 1000) });
      if (!open && verdict.shouldOpen) {
        open = true;
        opened++;
        if (verdict.pattern !== truth) wrongAtOpen++;
      } else if (open && verdict.shouldResolve) {
        open = false;
      }
      if (open && verdict.pattern !== null) {
        analyses++;
        if (verdict.pattern !== truth) wrong++;
        if (legacyPattern(window) !== truth) wrongBefore++;
      }
    }
  }
  return {
    failurePercent: Math.round(failureShare * 100),
    truth,
    opened,
    wrongAtOpen: share(wrongAtOpen, opened),
    wrongWhileOpen: share(wrong, analyses),
    wrongWhileOpenBefore: share(wrongBefore, analyses),
  };
}

/** `healthyChecks` successes, then checks that fail with a 502 with probability `failureShare`. */
export function randomSequence(failureShare: number, seed: number, options: Pick<AccuracyOptions, 'healthyChecks' | 'failingChecks'>): EntryOutcome[] {
  const random = mulberry32(seed);
  return Array.from({ length: options.healthyChecks + options.failingChecks }, (_, index) => {
    const fails = index >= options.healthyChecks && random() < failureShare;
    return { slot: T0_SLOT + index * 60, ok: !fails, status: fails ? 502 : 200, errorCode: fails ? 'STATUS_MISMATCH' : null };
  });
}

// The rule this replaced: persistent as soon as the current streak (two or more) held half of the last ten's failures.
function legacyPattern(window: EntryOutcome[]): Pattern {
  const last = window.slice(-10);
  let streak = 0;
  for (let index = window.length - 1; index >= 0 && !window[index].ok; index--) streak++;
  const failures = last.filter((outcome) => !outcome.ok).length;
  return streak >= 2 && streak * 2 >= failures ? 'persistent' : 'intermittent';
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

// A small seeded generator (Tommy Ettinger's mulberry32), so every run of the table sees the same sequences.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
