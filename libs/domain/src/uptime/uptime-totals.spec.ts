import { bucketEstimateMs, histogramOf } from './latency-histogram';
import { addTotals, combineRegions, emptyTotals, latencySummary, uptimePercent, UptimeTotals } from './uptime-totals';

const totals = (fields: Partial<UptimeTotals>): UptimeTotals => ({ ...emptyTotals(), ...fields });

describe('uptime totals', () => {
  it.each([
    { checks: 0, up: 0, expected: null },
    { checks: 4, up: 4, expected: 100 },
    { checks: 4, up: 3, expected: 75 },
    { checks: 2880, up: 2877, expected: (2877 / 2880) * 100 },
  ])('uptime of $up up in $checks checks is $expected %', ({ checks, up, expected }) => {
    expect(uptimePercent({ checks, up })).toBe(expected);
  });

  it('adds every count of two stretches of the same series, downtime included', () => {
    const a = totals({ checks: 3, up: 2, failed: 1, status502: 1, status5xx: 1, downtimeSeconds: 60, statusCounts: { '200': 2, '502': 1 } });
    const b = totals({ checks: 2, up: 1, failed: 1, timeouts: 1, downtimeSeconds: 60, statusCounts: { '200': 1, ETIMEDOUT: 1 } });
    expect(addTotals(a, b)).toMatchObject({
      checks: 5,
      up: 3,
      failed: 2,
      status502: 1,
      timeouts: 1,
      downtimeSeconds: 120,
      statusCounts: { '200': 3, '502': 1, ETIMEDOUT: 1 },
    });
  });

  it('takes the worst region’s downtime when combining regions, and adds the rest', () => {
    const combined = combineRegions([totals({ checks: 10, up: 8, downtimeSeconds: 120 }), totals({ checks: 10, up: 9, downtimeSeconds: 60 })]);
    expect(combined).toMatchObject({ checks: 20, up: 17, downtimeSeconds: 120 });
    expect(combineRegions([])).toEqual(emptyTotals());
  });

  it('summarises latency of successful checks: exact average, percentiles from buckets', () => {
    const latencies = [10, 10, 10, 20, 400];
    const summary = latencySummary(totals({ up: 5, latencySumMs: 450, latencyHistogram: histogramOf(latencies) }));
    expect(summary).toEqual({ avgMs: 90, p50Ms: bucketEstimateMs(14), p95Ms: bucketEstimateMs(35), p99Ms: bucketEstimateMs(35) });
    expect(latencySummary(totals({ up: 0 }))).toBeNull();
  });
});
