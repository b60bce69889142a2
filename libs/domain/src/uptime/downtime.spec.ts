import { checkDowntimeSeconds, downtimeSeconds, outages, SlotOutcome } from './downtime';

const T = 1_700_000_000;
const checks = (pattern: string, interval = 60, start = T): SlotOutcome[] =>
  [...pattern].flatMap((mark, index) => (mark === '.' ? [] : [{ slot: start + index * interval, ok: mark === '+' }]));

describe('downtime', () => {
  it.each([
    { name: 'all up', pattern: '++++', expected: 0 },
    { name: 'one failure between successes', pattern: '++-++', expected: 60 },
    { name: 'a run of three failures', pattern: '+---+', expected: 180 },
    { name: 'two separate outages', pattern: '-+--+', expected: 180 },
    { name: 'an outage still going at the end counts to the last failure plus one interval', pattern: '++--', expected: 120 },
    { name: 'a paused stretch inside an outage is not downtime', pattern: '+-....-+', expected: 120 },
    { name: 'a missed slot between failures is not downtime', pattern: '--.-+', expected: 180 },
    { name: 'no checks at all', pattern: '....', expected: 0 },
  ])('$name: $pattern → $expected s', ({ pattern, expected }) => {
    expect(downtimeSeconds(checks(pattern), 60)).toBe(expected);
  });

  it('counts an outage from the slot of the first failure to the slot of the first success', () => {
    expect(outages(checks('++---++'), 60)).toEqual([{ fromSlot: T + 120, toSlot: T + 300 }]);
  });

  it('equals failures × interval, what the rollups store, when every slot is checked', () => {
    for (const pattern of ['+-+-+-', '------', '+++---+++', '-++++-']) {
      const sequence = checks(pattern, 30);
      const perCheck = sequence.reduce((sum, check) => sum + checkDowntimeSeconds(check.ok, 30), 0);
      expect(downtimeSeconds(sequence, 30)).toBe(perCheck);
    }
  });

  it('ends a failure at an extra check that succeeds before the next slot', () => {
    const sequence = [{ slot: T, ok: false }, { slot: T + 10, ok: true }, { slot: T + 60, ok: true }];
    expect(downtimeSeconds(sequence, 60)).toBe(10);
  });

  it('takes checks in any order', () => {
    expect(downtimeSeconds([...checks('+--+')].reverse(), 60)).toBe(120);
  });
});
