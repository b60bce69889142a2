// Every phase timing is measured from one origin, like curl's time_* values, so they read in order.
import { performance } from 'node:perf_hooks';

export type ProbeClock = {
  readonly startedAt: string;
  /** Whole milliseconds since the probe started. */
  elapsedMs(): number;
};

export function startClock(): ProbeClock {
  const origin = performance.now();
  return {
    startedAt: new Date().toISOString(),
    elapsedMs: () => Math.round(performance.now() - origin),
  };
}
