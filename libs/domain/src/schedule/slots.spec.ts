import { firstSlotFor, phaseSeconds, planDueSlots, slotAfter, slotAtOrAfter } from './slots';

describe('slots', () => {
  it('gives every site a stable phase inside its interval', () => {
    const phase = phaseSeconds('4b6f0b2e-7f0e-4a57-9d35-8f4b1c0f1a11', 60);
    expect(phase).toBe(phaseSeconds('4b6f0b2e-7f0e-4a57-9d35-8f4b1c0f1a11', 60));
    expect(phase).toBeGreaterThanOrEqual(0);
    expect(phase).toBeLessThan(60);
  });

  it('spreads 10,000 sites over the interval instead of bunching them', () => {
    const perSecond = new Array<number>(60).fill(0);
    for (let index = 0; index < 10_000; index++) perSecond[phaseSeconds(`site-${index}-${index * 7919}`, 60)]++;
    expect(Math.max(...perSecond)).toBeLessThan(260);
    expect(Math.min(...perSecond)).toBeGreaterThan(80);
  });

  it.each([
    { now: 1000, interval: 60, phase: 0, atOrAfter: 1020, after: 1020 },
    { now: 1020, interval: 60, phase: 0, atOrAfter: 1020, after: 1080 },
    { now: 1020.5, interval: 60, phase: 0, atOrAfter: 1080, after: 1080 },
    { now: 1000, interval: 60, phase: 17, atOrAfter: 1037, after: 1037 },
    { now: 1037, interval: 60, phase: 17, atOrAfter: 1037, after: 1097 },
    { now: 1000, interval: 5, phase: 4, atOrAfter: 1004, after: 1004 },
    { now: 0, interval: 86_400, phase: 3600, atOrAfter: 3600, after: 3600 },
  ])('at $now with interval $interval and phase $phase the next slots are $atOrAfter / $after', (row) => {
    expect(slotAtOrAfter(row.now, row.interval, row.phase)).toBe(row.atOrAfter);
    expect(slotAfter(row.now, row.interval, row.phase)).toBe(row.after);
  });

  it('places a new site on its first slot at or after now', () => {
    const slot = firstSlotFor('abc', 60, 1_700_000_000_500);
    expect(slot).toBeGreaterThanOrEqual(1_700_000_001);
    expect(slot).toBeLessThan(1_700_000_061);
    expect((slot - phaseSeconds('abc', 60)) % 60).toBe(0);
  });
});

describe('planDueSlots', () => {
  it.each([
    { name: 'a slot on time', due: 1000, now: 1000.2, interval: 60, run: 1000, missed: [], next: 1060 },
    { name: 'a slot late by less than an interval', due: 1000, now: 1059, interval: 60, run: 1000, missed: [], next: 1060 },
    { name: 'a slot late by exactly one interval', due: 1000, now: 1060, interval: 60, run: 1060, missed: [1000], next: 1120 },
    { name: 'a scheduler down for three intervals', due: 1000, now: 1190, interval: 60, run: 1180, missed: [1000, 1060, 1120], next: 1240 },
  ])('$name: runs $run, records $missed as missed, next $next', ({ due, now, interval, run, missed, next }) => {
    expect(planDueSlots(due, now, interval)).toEqual({ run, missed, next });
  });

  it('records at most the newest maxMissed slots of a long outage', () => {
    const plan = planDueSlots(0, 10_000 * 5, 5, 100);
    expect(plan.missed).toHaveLength(100);
    expect(plan.missed[99]).toBe(plan.run - 5);
  });
});
