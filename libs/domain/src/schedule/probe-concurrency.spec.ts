import { BUSY_UTILIZATION, nextProbeConcurrency, SPARE_UTILIZATION } from './probe-concurrency';

const bounds = { floor: 200, ceiling: 1_000 };

describe('nextProbeConcurrency', () => {
  it('grows by a quarter while the loop has room and checks wait for a slot', () => {
    expect(nextProbeConcurrency(200, { loopUtilization: 0.4, saturated: true }, bounds)).toBe(250);
    expect(nextProbeConcurrency(250, { loopUtilization: SPARE_UTILIZATION - 0.01, saturated: true }, bounds)).toBe(313);
  });

  it('reaches the ceiling from the floor within ten periods, and stays there', () => {
    let current = bounds.floor;
    const periods: number[] = [];
    for (let period = 0; period < 10; period++) periods.push((current = nextProbeConcurrency(current, { loopUtilization: 0.3, saturated: true }, bounds)));
    expect(periods).toEqual([250, 313, 392, 490, 613, 767, 959, 1_000, 1_000, 1_000]);
  });

  it('does not grow when no check waited, however idle the loop', () => {
    expect(nextProbeConcurrency(400, { loopUtilization: 0.05, saturated: false }, bounds)).toBe(400);
  });

  it('does not grow between spare and busy, so it settles instead of oscillating', () => {
    for (const loopUtilization of [SPARE_UTILIZATION, 0.8, BUSY_UTILIZATION - 0.001]) {
      expect(nextProbeConcurrency(600, { loopUtilization, saturated: true }, bounds)).toBe(600);
    }
  });

  it('gives back a quarter when the loop is busy, saturated or not, down to the floor', () => {
    expect(nextProbeConcurrency(1_000, { loopUtilization: BUSY_UTILIZATION, saturated: true }, bounds)).toBe(750);
    expect(nextProbeConcurrency(1_000, { loopUtilization: 1, saturated: false }, bounds)).toBe(750);
    expect(nextProbeConcurrency(240, { loopUtilization: 0.99, saturated: true }, bounds)).toBe(200);
    expect(nextProbeConcurrency(200, { loopUtilization: 0.99, saturated: true }, bounds)).toBe(200);
  });

  it('holds a fixed number when floor and ceiling are equal', () => {
    const fixed = { floor: 300, ceiling: 300 };
    expect(nextProbeConcurrency(300, { loopUtilization: 0.1, saturated: true }, fixed)).toBe(300);
    expect(nextProbeConcurrency(300, { loopUtilization: 1, saturated: true }, fixed)).toBe(300);
  });

  it('brings a number outside the bounds back inside them', () => {
    expect(nextProbeConcurrency(5_000, { loopUtilization: 0.8, saturated: false }, bounds)).toBe(1_000);
    expect(nextProbeConcurrency(10, { loopUtilization: 0.8, saturated: false }, bounds)).toBe(200);
  });
});
