// How many checks a worker probes at once, sized from how busy its event loop is. A fixed number is wrong on
// one side or the other: too few on a worker with CPU to spare, whose checks then queue while each probe's wall
// time is stretched by the loop's bursts; too many on a saturated one, whose probes then time out on its own lag
// and read as the sites failing, which is worse than running late.

export type ProbeConcurrencyBounds = {
  /** Never fewer: HOPWATCH_WORKER_CONCURRENCY, where every worker starts. */
  floor: number;
  /** Never more: HOPWATCH_WORKER_CONCURRENCY_MAX. */
  ceiling: number;
};

export type ProbeConcurrencySample = {
  /** Fraction of the last period the event loop was busy (0–1). */
  loopUtilization: number;
  /** Whether checks had to wait for a probe slot at some point in the last period. */
  saturated: boolean;
};

/** Busier than this, the worker gives slots back: more checks at once would only queue on the loop. */
export const BUSY_UTILIZATION = 0.9;
/** Below this the loop has room for more checks at once, if checks are waiting for a slot. */
export const SPARE_UTILIZATION = 0.7;
const GROWTH = 1.25;
const SHRINK = 0.75;

/** The next number of checks to probe at once, from the current one and what the last period looked like. */
export function nextProbeConcurrency(current: number, sample: ProbeConcurrencySample, bounds: ProbeConcurrencyBounds): number {
  const clamp = (value: number) => Math.min(bounds.ceiling, Math.max(bounds.floor, value));
  if (sample.loopUtilization >= BUSY_UTILIZATION) return clamp(Math.floor(current * SHRINK));
  if (sample.loopUtilization < SPARE_UTILIZATION && sample.saturated) return clamp(Math.ceil(current * GROWTH));
  return clamp(current);
}
