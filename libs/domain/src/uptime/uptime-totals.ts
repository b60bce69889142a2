// What a rollup row, a raw aggregate and an API answer all count, and how counts combine.
import { addCountsInto, histogramQuantiles, LatencyHistogram } from './latency-histogram';

export type UptimeTotals = {
  /** Checks that ran (a MISSED record is not a check). */
  checks: number;
  up: number;
  failed: number;
  /** Slots recorded as never checked (scheduler or queue backlog). */
  missed: number;
  status5xx: number;
  status502: number;
  status503: number;
  status504: number;
  timeouts: number;
  /** Sum of total time of the successful checks; latency figures cover successful checks only. */
  latencySumMs: number;
  downtimeSeconds: number;
  latencyHistogram: LatencyHistogram;
  /** HTTP status → count; checks without an HTTP answer count under their error code, others under `ok`. */
  statusCounts: Record<string, number>;
};

export type LatencySummary = { avgMs: number; p50Ms: number; p95Ms: number; p99Ms: number };

export function emptyTotals(): UptimeTotals {
  return {
    checks: 0,
    up: 0,
    failed: 0,
    missed: 0,
    status5xx: 0,
    status502: 0,
    status503: 0,
    status504: 0,
    timeouts: 0,
    latencySumMs: 0,
    downtimeSeconds: 0,
    latencyHistogram: {},
    statusCounts: {},
  };
}

/** Totals of one series (one target in one region) over two stretches of time: everything adds. */
export function addTotals(a: UptimeTotals, b: UptimeTotals): UptimeTotals {
  return addTotalsInto(addTotalsInto(emptyTotals(), a), b);
}

/** Adds `add` into `sum` in place, for sums over many rows; returns `sum`. */
export function addTotalsInto(sum: UptimeTotals, add: UptimeTotals): UptimeTotals {
  sum.checks += add.checks;
  sum.up += add.up;
  sum.failed += add.failed;
  sum.missed += add.missed;
  sum.status5xx += add.status5xx;
  sum.status502 += add.status502;
  sum.status503 += add.status503;
  sum.status504 += add.status504;
  sum.timeouts += add.timeouts;
  sum.latencySumMs += add.latencySumMs;
  sum.downtimeSeconds += add.downtimeSeconds;
  addCountsInto(sum.latencyHistogram, add.latencyHistogram);
  addCountsInto(sum.statusCounts, add.statusCounts);
  return sum;
}

/**
 * Totals of the same target seen from several regions over the same time: counts add, but the regions
 * watched the same clock, so downtime is the worst region's, not the sum.
 */
export function combineRegions(perRegion: UptimeTotals[]): UptimeTotals {
  const summed = emptyTotals();
  for (const totals of perRegion) addTotalsInto(summed, totals);
  summed.downtimeSeconds = Math.max(0, ...perRegion.map((totals) => totals.downtimeSeconds));
  return summed;
}

/** Share of checks that succeeded, in percent; null when nothing was checked (not 100: no evidence). */
export function uptimePercent(totals: Pick<UptimeTotals, 'checks' | 'up'>): number | null {
  return totals.checks === 0 ? null : (totals.up / totals.checks) * 100;
}

/** Average (exact) and percentiles (from the histogram, see latency-histogram.ts) of successful checks. */
export function latencySummary(totals: Pick<UptimeTotals, 'up' | 'latencySumMs' | 'latencyHistogram'>): LatencySummary | null {
  if (totals.up === 0) return null;
  const [p50Ms, p95Ms, p99Ms] = histogramQuantiles(totals.latencyHistogram, [0.5, 0.95, 0.99]);
  return { avgMs: totals.latencySumMs / totals.up, p50Ms: p50Ms ?? 0, p95Ms: p95Ms ?? 0, p99Ms: p99Ms ?? 0 };
}
