// How many checks a worker probes at once, sized from how much of the time its event loop is busy. A fixed number
// is wrong on one side or the other: too few where checks are slow to answer (a worker with 200 slots and targets
// answering in 2 s does 100 checks a second, its CPU idle); too many on a worker short of CPU, whose probes then
// time out on its own lag and read as the sites failing, which is worse than running late.
//
// Utilization, not the loop's delay, tells the two apart. A loop waiting for answers idles between them; a loop
// short of CPU always has something ready, whether its process has the core (the all-in-one at 50,000 chain sites,
// 92 % of a core) or shares a busy box (a worker there read utilization 1 at half a core). Its timers' delay did
// not: 0.07-0.3 s at p99 in both cases, while more slots made them both do less (the all-in-one climbed to 1,000
// on that signal and fell from 3,200 probes/s to 2,000, missing slots).

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
