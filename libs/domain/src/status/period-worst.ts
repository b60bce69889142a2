// How a period (a day on a status page, a segment of the sites page strip) is coloured: by its worst result.
import { uptimePercent } from '../uptime/uptime-totals';

export const PERIOD_WORSTS = ['up', 'degraded', 'down', 'none'] as const;
export type PeriodWorst = (typeof PERIOD_WORSTS)[number];

/** Below this share of passing entry checks a period counts as down rather than degraded. */
export const DOWN_BELOW_PERCENT = 95;

/** none: nothing was checked; up: every check passed; degraded: some failed; down: fewer than 95 % passed. */
export function periodWorst(counts: { checks: number; up: number }): PeriodWorst {
  const percent = uptimePercent(counts);
  if (percent === null) return 'none';
  if (counts.up === counts.checks) return 'up';
  return percent < DOWN_BELOW_PERCENT ? 'down' : 'degraded';
}

/** A percentage as the API shows it: three decimals, null when nothing was checked. */
export function roundedPercent(counts: { checks: number; up: number }): number | null {
  const percent = uptimePercent(counts);
  return percent === null ? null : Math.round(percent * 1000) / 1000;
}
