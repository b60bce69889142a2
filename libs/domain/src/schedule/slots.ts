// Slot arithmetic. A site's slots are the instants k·interval + phase (epoch seconds); the phase, derived
// from the site id, spreads many sites with the same interval evenly instead of firing them all at :00.

/** A stable phase in [0, intervalSeconds) from the site id (FNV-1a over its characters). */
export function phaseSeconds(siteId: string, intervalSeconds: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < siteId.length; index++) {
    hash ^= siteId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % intervalSeconds;
}

/** The first slot at or after `epochSeconds`. */
export function slotAtOrAfter(epochSeconds: number, intervalSeconds: number, phase: number): number {
  const since = Math.ceil(epochSeconds) - phase;
  const steps = Math.ceil(since / intervalSeconds);
  return steps * intervalSeconds + phase;
}

/** The first slot of a site strictly after `epochSeconds`. */
export function slotAfter(epochSeconds: number, intervalSeconds: number, phase: number): number {
  return slotAtOrAfter(Math.floor(epochSeconds) + 1, intervalSeconds, phase);
}

export function firstSlotFor(siteId: string, intervalSeconds: number, nowMs: number): number {
  return slotAtOrAfter(nowMs / 1000, intervalSeconds, phaseSeconds(siteId, intervalSeconds));
}

export type SlotPlan = {
  /** The newest due slot: the one to check now. */
  run: number;
  /** Older due slots that can no longer be checked in time; recorded as missed, never dropped silently. */
  missed: number[];
  /** The site's next slot after `run`. */
  next: number;
};

/** What a scheduler does with a site whose slot `due` has come, at `now` (epoch seconds). */
export function planDueSlots(due: number, now: number, intervalSeconds: number, maxMissed = 1_000): SlotPlan {
  const behind = Math.max(0, Math.floor((now - due) / intervalSeconds));
  const run = due + behind * intervalSeconds;
  const firstRecorded = Math.max(0, behind - maxMissed);
  const missed: number[] = [];
  for (let step = firstRecorded; step < behind; step++) missed.push(due + step * intervalSeconds);
  return { run, missed, next: run + intervalSeconds };
}
