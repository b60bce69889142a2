/**
 * Delay before the next attempt after `failures` consecutive failures: doubling from `baseMs` up to `maxMs`,
 * with the upper half jittered so processes that lost the same dependency do not retry in step.
 */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
