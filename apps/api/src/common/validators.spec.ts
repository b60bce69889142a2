import { isInstant } from './validators';

describe('isInstant', () => {
  it.each([
    ['2026-01-31T12:00:00Z', true],
    ['2026-01-31T12:00:00.123+02:00', true],
    ['2026-01-31', true],
    ['2024-02-29T00:00:00Z', true],
    ['2025-02-29T00:00:00Z', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['1969-12-31T23:59:59Z', false],
    ['+275760-09-13T00:00:00Z', false],
    ['10000-01-01', false],
    ['2026-01-31 12:00:00Z', false],
    ['yesterday', false],
    [20260131, false],
  ])('%s → %s', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
  });
});
