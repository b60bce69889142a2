import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it.each([
    // failures, base, max, random, expected
    [1, 100, 5_000, 0, 50],
    [1, 100, 5_000, 1, 100],
    [2, 100, 5_000, 0.5, 150],
    [4, 100, 5_000, 1, 800],
    [7, 100, 5_000, 0, 2_500],
    [7, 100, 5_000, 1, 5_000],
    [40, 100, 5_000, 1, 5_000],
    [0, 250, 5_000, 1, 250],
  ])('after %i failures (base %i, max %i, random %f) waits %i ms', (failures, base, max, random, expected) => {
    expect(backoffDelay(failures, base, max, () => random)).toBe(expected);
  });
});
