import { slotLedger, StoredSlot } from './slot-ledger';

const sites = [
  { siteId: 'a', firstSlot: 100, intervalSeconds: 10 },
  { siteId: 'b', firstSlot: 105, intervalSeconds: 10 },
];
const row = (siteId: string, slot: number, missed = false): StoredSlot => ({ siteId, slot, missed });
const complete = [row('a', 100), row('a', 110), row('a', 120), row('b', 105), row('b', 115)];

describe('slotLedger', () => {
  it.each([
    ['every slot once', complete, { expected: 5, stored: 5, missed: 0, lost: 0, duplicates: 0 }],
    ['a slot recorded as missed', [...complete.slice(0, 4), row('b', 115, true)], { expected: 5, stored: 5, missed: 1, lost: 0, duplicates: 0 }],
    ['a slot with no row', complete.slice(1), { expected: 5, stored: 4, missed: 0, lost: 1, duplicates: 0 }],
    ['a slot stored twice', [...complete, row('a', 110)], { expected: 5, stored: 5, missed: 0, lost: 0, duplicates: 1 }],
    ['a row off the grid', [...complete, row('a', 113)], { expected: 5, stored: 5, missed: 0, lost: 0, duplicates: 1 }],
    ['rows after the window are ignored', [...complete, row('a', 130), row('b', 125)], { expected: 5, stored: 5, missed: 0, lost: 0, duplicates: 0 }],
  ])('%s', (_name, stored, expected) => {
    expect(slotLedger(sites, stored, 120)).toEqual(expected);
  });
});
