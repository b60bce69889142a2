import { expiryWarning, warningHorizonMs } from './expiry-warning';

const NOW = new Date('2026-12-01T00:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const THRESHOLDS = [21, 7, 1];

describe('expiryWarning', () => {
  it.each([
    { name: 'far from expiry', days: 30, warned: [], expected: null },
    { name: 'just under 21 days', days: 20.5, warned: [], expected: { thresholdDays: 21, daysLeft: 20.5, crossed: [21] } },
    { name: 'under 21 days, already warned', days: 15, warned: [21], expected: null },
    { name: 'under 7 days after the 21-day notice', days: 6, warned: [21], expected: { thresholdDays: 7, daysLeft: 6, crossed: [7, 21] } },
    { name: 'first seen with 2 days left: one notice, at 7, and 21 is spent', days: 2, warned: [], expected: { thresholdDays: 7, daysLeft: 2, crossed: [7, 21] } },
    { name: 'under a day', days: 0.5, warned: [21, 7], expected: { thresholdDays: 1, daysLeft: 0.5, crossed: [1, 7, 21] } },
    { name: 'every threshold already warned', days: 0.5, warned: [21, 7, 1], expected: null },
    { name: 'expired already (the TLS-failure incident covers it)', days: -1, warned: [], expected: null },
  ])('$name', ({ days, warned, expected }) => {
    expect(expiryWarning(inDays(days), THRESHOLDS, warned, NOW)).toEqual(expected);
  });

  it('honours configured thresholds in any order', () => {
    expect(expiryWarning(inDays(10), [3, 30, 14], [], NOW)).toEqual({ thresholdDays: 14, daysLeft: 10, crossed: [14, 30] });
  });
});

describe('warningHorizonMs', () => {
  it('is the largest threshold in milliseconds', () => {
    expect(warningHorizonMs(THRESHOLDS)).toBe(21 * 86_400_000);
  });
});
