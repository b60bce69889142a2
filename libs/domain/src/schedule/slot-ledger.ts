// The fault suite's checker: compares the slots every site had to run in a window with what was stored.

export type ScheduledSite = { siteId: string; firstSlot: number; intervalSeconds: number };
export type StoredSlot = { siteId: string; slot: number; missed: boolean };

export type SlotLedger = {
  /** Slots that had to be stored: each site's slots from its first up to `lastSlot`. */
  expected: number;
  /** Expected slots with exactly one stored row, checked or recorded as missed. */
  stored: number;
  /** Of those, the ones recorded as MISSED. */
  missed: number;
  /** Expected slots with no row at all. */
  lost: number;
  /** Rows beyond the first for a slot, plus rows for slots no site had (off its grid). */
  duplicates: number;
};

export function slotLedger(sites: ScheduledSite[], stored: StoredSlot[], lastSlot: number): SlotLedger {
  const rows = new Map<string, StoredSlot[]>();
  for (const row of stored) {
    const key = `${row.siteId}@${row.slot}`;
    rows.set(key, [...(rows.get(key) ?? []), row]);
  }
  const ledger: SlotLedger = { expected: 0, stored: 0, missed: 0, lost: 0, duplicates: 0 };
  const seen = new Set<string>();
  for (const site of sites) {
    for (let slot = site.firstSlot; slot <= lastSlot; slot += site.intervalSeconds) {
      const key = `${site.siteId}@${slot}`;
      seen.add(key);
      ledger.expected++;
      const found = rows.get(key) ?? [];
      if (found.length === 0) ledger.lost++;
      else {
        ledger.stored++;
        if (found[0].missed) ledger.missed++;
        ledger.duplicates += found.length - 1;
      }
    }
  }
  const gridded = new Set(sites.map((site) => site.siteId));
  for (const [key, found] of rows) {
    const offGrid = !seen.has(key) && gridded.has(found[0].siteId) && found[0].slot <= lastSlot && !onGrid(sites, found[0]);
    if (offGrid) ledger.duplicates += found.length;
  }
  return ledger;
}

function onGrid(sites: ScheduledSite[], row: StoredSlot): boolean {
  const site = sites.find((candidate) => candidate.siteId === row.siteId);
  return !!site && row.slot >= site.firstSlot && (row.slot - site.firstSlot) % site.intervalSeconds === 0;
}
