// The sites page: each site's state now and its 24 h strip, from hourly entry counts. Time is passed in.
import { periodWorst, PeriodWorst } from './period-worst';

export const OVERVIEW_STATES = ['up', 'down', 'degraded', 'paused', 'maintenance', 'unknown'] as const;
export type OverviewState = (typeof OVERVIEW_STATES)[number];

export type OverviewStateInput = {
  paused: boolean;
  inMaintenance: boolean;
  /** The newest entry check of each region that was checked recently. */
  latestEntryOk: boolean[];
  hasOpenIncident: boolean;
};

/**
 * paused; maintenance (inside a window); unknown (no recent check); down: every region's newest entry check
 * failed; degraded: some region's did, or an incident is still open while the checks pass (intermittent
 * failures, or a recovery not yet confirmed); up otherwise.
 */
export function overviewState(site: OverviewStateInput): OverviewState {
  if (site.paused) return 'paused';
  if (site.inMaintenance) return 'maintenance';
  if (site.latestEntryOk.length === 0) return 'unknown';
  if (site.latestEntryOk.every((ok) => !ok)) return 'down';
  if (site.latestEntryOk.some((ok) => !ok) || site.hasOpenIncident) return 'degraded';
  return 'up';
}

export const STRIP_HOURS = 24;
/** The strip is built from hourly rollups, so a segment is a whole number of hours. */
export const STRIP_SEGMENT_COUNTS = [1, 2, 3, 4, 6, 8, 12, 24] as const;

export type HourCounts = { hourStart: number; checks: number; up: number };

/** The strip's first hour (epoch seconds): the current hour and the 23 before it. */
export function stripStart(nowSeconds: number): number {
  const hour = Math.floor(nowSeconds / 3_600) * 3_600;
  return hour - (STRIP_HOURS - 1) * 3_600;
}

/** `segments` periods over the 24 hours from `firstHour`, oldest first, each coloured by its worst result. */
export function stripSegments(hours: HourCounts[], firstHour: number, segments: number): PeriodWorst[] {
  const hoursPerSegment = STRIP_HOURS / segments;
  const counts = Array.from({ length: segments }, () => ({ checks: 0, up: 0 }));
  for (const hour of hours) {
    const index = Math.floor((hour.hourStart - firstHour) / 3_600 / hoursPerSegment);
    if (index < 0 || index >= segments) continue;
    counts[index].checks += hour.checks;
    counts[index].up += hour.up;
  }
  return counts.map(periodWorst);
}
