const BASE_MS = 1_000;
const CAP_MS = 60 * 60_000;

/** Exponential backoff from 1 s, capped at an hour, with full jitter in its upper half so retries do not march in step. */
export function retryDelayMs(attemptsMade: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
