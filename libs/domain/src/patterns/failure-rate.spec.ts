import { failureRate } from './failure-rate';

describe('failureRate', () => {
  // Reference values: Wilson score intervals at 95 % (z = 1.96), as given by statsmodels' proportion_confint(method='wilson').
  it.each([
    { failures: 0, checks: 10, expected: { rate: 0, low: 0, high: 0.2775 } },
    { failures: 10, checks: 10, expected: { rate: 1, low: 0.7225, high: 1 } },
    { failures: 2, checks: 2, expected: { rate: 1, low: 0.3424, high: 1 } },
    { failures: 3, checks: 10, expected: { rate: 0.3, low: 0.1078, high: 0.6032 } },
    { failures: 50, checks: 100, expected: { rate: 0.5, low: 0.4038, high: 0.5962 } },
  ])('$failures of $checks → $expected.rate in [$expected.low, $expected.high]', ({ failures, checks, expected }) => {
    expect(failureRate(failures, checks)).toEqual({ failures, checks, ...expected });
  });

  it.each([
    [0, 0],
    [3, 2],
    [-1, 4],
  ])('%i of %i has no rate', (failures, checks) => {
    expect(failureRate(failures, checks)).toBeNull();
  });
});
