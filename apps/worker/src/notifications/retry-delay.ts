/** The first wait and the longest one; HOPWATCH_ALERT_RETRY_FIRST_MS and _MAX_MS (1 s and an hour by default). */
export type RetrySchedule = { firstMs: number; maxMs: number };

/** Exponential backoff from the first wait up to the longest, with full jitter in its upper half so retries do not march in step. */
export function retryDelayMs(attemptsMade: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const ceiling = Math.min(schedule.maxMs, schedule.firstMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
