// Downtime, defined once for the whole product: the time covered by failing entry checks. A failing check
// covers its slot up to the next check or one interval, whichever comes first, so an outage lasts from the
// slot of its first failure to the slot of the first success after it. Time nobody checked (the site was
// paused, a slot was missed) is not downtime, and an outage still going counts to its last failure's slot
// plus one interval.
//
// The rollups store, per failing entry check, the site's interval: the same figure whenever every slot is
// checked once, which is how the scheduler runs checks. Only an extra manual check inside an interval can
// make the two differ, by less than one interval.

/** One entry check of one site in one region; `slot` in epoch seconds. Missed slots are not checks. */
export type SlotOutcome = { slot: number; ok: boolean };

export type Outage = { fromSlot: number; toSlot: number };

/** What one check adds to downtime in the rollups. */
export function checkDowntimeSeconds(ok: boolean, intervalSeconds: number): number {
  return ok ? 0 : intervalSeconds;
}

/** The outages in a sequence of checks (any order), each as [first failure slot, end). */
export function outages(checks: SlotOutcome[], intervalSeconds: number): Outage[] {
  const sorted = [...checks].sort((a, b) => a.slot - b.slot);
  const found: Outage[] = [];
  sorted.forEach((check, index) => {
    if (check.ok) return;
    const next = sorted[index + 1];
    const end = Math.min(check.slot + intervalSeconds, next ? next.slot : Number.POSITIVE_INFINITY);
    const last = found[found.length - 1];
    if (last && last.toSlot >= check.slot) last.toSlot = Math.max(last.toSlot, end);
    else found.push({ fromSlot: check.slot, toSlot: end });
  });
  return found;
}

export function downtimeSeconds(checks: SlotOutcome[], intervalSeconds: number): number {
  return outages(checks, intervalSeconds).reduce((sum, outage) => sum + (outage.toSlot - outage.fromSlot), 0);
}
