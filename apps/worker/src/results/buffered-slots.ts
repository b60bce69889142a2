import type { BufferedRun, BufferEntry } from '@hopwatch/runtime';

/** The buffered runs of one slot, with the stream ids to delete once they are stored. */
export type BufferedSlot = { slot: number; runs: BufferedRun[]; entryIds: string[] };

/**
 * Buffered entries grouped by slot, oldest slot first. The stream keeps the order runs finished in, which a slow
 * check can put behind a later slot of another site; the drainer stores and analyses slot by slot instead.
 */
export function bySlot(entries: BufferEntry[]): BufferedSlot[] {
  const groups = new Map<number, BufferedSlot>();
  for (const { id, run } of entries) {
    const slot = run.rows[0]?.slot ?? 0;
    const group = groups.get(slot) ?? { slot, runs: [], entryIds: [] };
    group.runs.push(run);
    group.entryIds.push(id);
    groups.set(slot, group);
  }
  return [...groups.values()].sort((a, b) => a.slot - b.slot);
}
