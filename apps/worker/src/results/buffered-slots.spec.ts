import { missedResult } from '@hopwatch/db';
import { bySlot } from './buffered-slots';

const entry = (id: string, siteId: string, slot: number) => ({ id, run: { rows: [missedResult(siteId, 'default', slot)], intervalSeconds: 10 } });

describe('bySlot', () => {
  it('groups buffered runs by slot, oldest slot first, keeping arrival order within a slot', () => {
    const groups = bySlot([entry('1-0', 'a', 120), entry('1-1', 'b', 110), entry('1-2', 'c', 120), entry('1-3', 'a', 110), entry('1-4', 'a', 100)]);
    expect(groups.map((group) => [group.slot, group.entryIds])).toEqual([
      [100, ['1-4']],
      [110, ['1-1', '1-3']],
      [120, ['1-0', '1-2']],
    ]);
    expect(groups[1].runs.map((run) => run.rows[0].siteId)).toEqual(['b', 'a']);
  });

  it('has nothing to group in an empty buffer', () => {
    expect(bySlot([])).toEqual([]);
  });
});
