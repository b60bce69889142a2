import { retryDelayMs } from './retry-delay';

const DEFAULTS = { firstMs: 1_000, maxMs: 3_600_000 };

describe('retryDelayMs', () => {
  it.each([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [5, 8_000, 16_000],
    [13, 1_800_000, 3_600_000],
    [40, 1_800_000, 3_600_000],
  ])('with the default schedule, after %i attempts waits between %i and %i ms', (attempts, low, high) => {
    expect(retryDelayMs(attempts, DEFAULTS, () => 0)).toBe(low);
    expect(retryDelayMs(attempts, DEFAULTS, () => 1)).toBe(high);
  });

  it('follows a compressed schedule: the first wait and the ceiling come from the settings', () => {
    const compressed = { firstMs: 10, maxMs: 36_000 };
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, compressed, () => 1))).toEqual([10, 20, 40]);
    expect(retryDelayMs(13, compressed, () => 0)).toBe(18_000);
    expect(retryDelayMs(13, compressed, () => 1)).toBe(36_000);
  });
});
