// How many checks a worker probes at once, sized from how late its event loop runs callbacks. A fixed number is
// wrong on one side or the other: too few on a worker whose probes' wall time is stretched by the loop's bursts,
// whose checks then queue for a slot; too many on a saturated one, whose probes then time out on its own lag and
// read as the sites failing, which is worse than running late.
//
// The loop's delay is the signal, not its utilization: on a box shared with Postgres and the other processes a
// worker's loop always has something ready (utilization 1) at half a core, while more checks at once still raise
// its throughput, because each turn of the loop then serves more of them.

export type ProbeConcurrencyBounds = {
  /** Never fewer: HOPWATCH_WORKER_CONCURRENCY, where every worker starts. */
  floor: number;
  /** Never more: HOPWATCH_WORKER_CONCURRENCY_MAX. */
  ceiling: number;
};

export type ProbeConcurrencySample = {
  /** 99th percentile of how late the event loop ran a timer over the last period, in ms. */
  loopDelayP99Ms: number;
  /** Whether checks had to wait for a probe slot at some point in the last period. */
  saturated: boolean;
};

/** Later than this, the worker gives slots back: a probe's timings would carry a quarter second of its own lag. */
export const LAGGING_DELAY_MS = 250;
/** Below this the loop has room for more checks at once, if checks are waiting for a slot. */
export const SPARE_DELAY_MS = 100;
const GROWTH = 1.25;
const SHRINK = 0.75;

/** The next number of checks to probe at once, from the current one and what the last period looked like. */
export function nextProbeConcurrency(current: number, sample: ProbeConcurrencySample, bounds: ProbeConcurrencyBounds): number {
  const clamp = (value: number) => Math.min(bounds.ceiling, Math.max(bounds.floor, value));
  if (sample.loopDelayP99Ms >= LAGGING_DELAY_MS) return clamp(Math.floor(current * SHRINK));
  if (sample.loopDelayP99Ms < SPARE_DELAY_MS && sample.saturated) return clamp(Math.ceil(current * GROWTH));
  return clamp(current);
}
