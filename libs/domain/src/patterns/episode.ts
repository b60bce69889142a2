// The current episode of trouble in one region: from its first failed check to now. A stretch of
// `episodeQuietChecks` successes in a row ends an episode, so a stray failure long before does not belong to it,
// while the successes between scattered failures do (they are what makes a pattern intermittent).
import type { EntryOutcome } from './entry-outcome';

export type Episode = {
  /** Slot of the episode's first failed check. */
  onsetSlot: number;
  /** Slot of the newest check. */
  latestSlot: number;
  /** Checks from the onset to the newest, both included. */
  checks: number;
  failures: number;
};

/** `ordered`: oldest first. Null when no check in it failed. */
export function episodeOf(ordered: readonly EntryOutcome[], quietChecks: number): Episode | null {
  let onset: number | null = null;
  let successesSinceFailure = 0;
  for (let index = ordered.length - 1; index >= 0; index--) {
    if (!ordered[index].ok) {
      if (onset !== null && successesSinceFailure >= quietChecks) break;
      onset = index;
      successesSinceFailure = 0;
    } else if (onset !== null) {
      successesSinceFailure++;
    }
  }
  if (onset === null) return null;
  const inEpisode = ordered.slice(onset);
  return {
    onsetSlot: ordered[onset].slot,
    latestSlot: ordered[ordered.length - 1].slot,
    checks: inEpisode.length,
    failures: inEpisode.filter((outcome) => !outcome.ok).length,
  };
}
