import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it.each([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [5, 8_000, 16_000],
    [13, 1_800_000, 3_600_000],
    [40, 1_800_000, 3_600_000],
  ])('after %i attempts waits between %i and %i ms', (attempts, low, high) => {
    expect(retryDelayMs(attempts, () => 0)).toBe(low);
    expect(retryDelayMs(attempts, () => 1)).toBe(high);
  });
});
