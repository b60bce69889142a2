import { LAGGING_DELAY_MS, nextProbeConcurrency, SPARE_DELAY_MS } from './probe-concurrency';

const bounds = { floor: 200, ceiling: 1_000 };

describe('nextProbeConcurrency', () => {
  it('grows by a quarter while the loop is on time and checks wait for a slot', () => {
    expect(nextProbeConcurrency(200, { loopDelayP99Ms: 20, saturated: true }, bounds)).toBe(250);
    expect(nextProbeConcurrency(250, { loopDelayP99Ms: SPARE_DELAY_MS - 1, saturated: true }, bounds)).toBe(313);
  });

  it('reaches the ceiling from the floor within ten periods, and stays there', () => {
    let current = bounds.floor;
    const periods: number[] = [];
    for (let period = 0; period < 10; period++) periods.push((current = nextProbeConcurrency(current, { loopDelayP99Ms: 15, saturated: true }, bounds)));
    expect(periods).toEqual([250, 313, 392, 490, 613, 767, 959, 1_000, 1_000, 1_000]);
  });

  it('does not grow when no check waited, however punctual the loop', () => {
    expect(nextProbeConcurrency(400, { loopDelayP99Ms: 1, saturated: false }, bounds)).toBe(400);
  });

  it('does not grow between on time and late, so it settles instead of oscillating', () => {
    for (const loopDelayP99Ms of [SPARE_DELAY_MS, 180, LAGGING_DELAY_MS - 1]) {
      expect(nextProbeConcurrency(600, { loopDelayP99Ms, saturated: true }, bounds)).toBe(600);
    }
  });

  it('gives back a quarter when the loop runs late, saturated or not, down to the floor', () => {
    expect(nextProbeConcurrency(1_000, { loopDelayP99Ms: LAGGING_DELAY_MS, saturated: true }, bounds)).toBe(750);
    expect(nextProbeConcurrency(1_000, { loopDelayP99Ms: 2_000, saturated: false }, bounds)).toBe(750);
    expect(nextProbeConcurrency(240, { loopDelayP99Ms: 900, saturated: true }, bounds)).toBe(200);
    expect(nextProbeConcurrency(200, { loopDelayP99Ms: 900, saturated: true }, bounds)).toBe(200);
  });

  it('holds a fixed number when floor and ceiling are equal', () => {
    const fixed = { floor: 300, ceiling: 300 };
    expect(nextProbeConcurrency(300, { loopDelayP99Ms: 10, saturated: true }, fixed)).toBe(300);
    expect(nextProbeConcurrency(300, { loopDelayP99Ms: 2_000, saturated: true }, fixed)).toBe(300);
  });

  it('brings a number outside the bounds back inside them', () => {
    expect(nextProbeConcurrency(5_000, { loopDelayP99Ms: 150, saturated: false }, bounds)).toBe(1_000);
    expect(nextProbeConcurrency(10, { loopDelayP99Ms: 150, saturated: false }, bounds)).toBe(200);
  });
});
