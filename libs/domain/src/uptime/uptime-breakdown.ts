// From totals per (target, region) to the figures an uptime answer gives: the site as a whole, each
// target, each region. The site is its entry target; regions add their checks, and downtime is the worst
// region's (see combineRegions).
import { ENTRY_TARGET } from '../site/site';
import { addTotalsInto, combineRegions, emptyTotals, UptimeTotals } from './uptime-totals';

export type SeriesPart = { target: string; region: string; totals: UptimeTotals };

export type UptimeBreakdown = {
  site: UptimeTotals;
  /** Every target seen, entry first, then by name. */
  targets: Array<{ target: string; totals: UptimeTotals }>;
  /** The entry target per region, by name. */
  regions: Array<{ region: string; totals: UptimeTotals }>;
};

/** Adds up the parts of each (target, region) series, then breaks the result down. */
export function breakDown(parts: SeriesPart[]): UptimeBreakdown {
  const series = new Map<string, Map<string, UptimeTotals>>();
  for (const part of parts) {
    const regions = series.get(part.target) ?? new Map<string, UptimeTotals>();
    series.set(part.target, regions);
    const sum = regions.get(part.region) ?? emptyTotals();
    regions.set(part.region, addTotalsInto(sum, part.totals));
  }
  const targetNames = [...series.keys()].sort((a, b) => (a === ENTRY_TARGET ? -1 : b === ENTRY_TARGET ? 1 : a.localeCompare(b)));
  const entry = series.get(ENTRY_TARGET) ?? new Map<string, UptimeTotals>();
  return {
    site: combineRegions([...entry.values()]),
    targets: targetNames.map((target) => ({ target, totals: combineRegions([...series.get(target)!.values()]) })),
    regions: [...entry.keys()].sort().map((region) => ({ region, totals: entry.get(region)! })),
  };
}
