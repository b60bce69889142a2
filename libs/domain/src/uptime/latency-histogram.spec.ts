import {
  bucketEstimateMs,
  histogramOf,
  histogramQuantile,
  LATENCY_BUCKET_COUNT,
  LATENCY_BUCKET_THRESHOLDS_MS,
  latencyBucketIndex,
  mergeCounts,
  PERCENTILE_MAX_RELATIVE_ERROR,
} from './latency-histogram';

describe('latency histogram', () => {
  it('has 66 buckets with thresholds from 1 ms to 65.5 s growing by 2^(1/4)', () => {
    expect(LATENCY_BUCKET_COUNT).toBe(66);
    expect(LATENCY_BUCKET_THRESHOLDS_MS[0]).toBe(1);
    expect(LATENCY_BUCKET_THRESHOLDS_MS[64]).toBe(65_536);
    for (let k = 1; k < LATENCY_BUCKET_THRESHOLDS_MS.length; k++) {
      expect(LATENCY_BUCKET_THRESHOLDS_MS[k] / LATENCY_BUCKET_THRESHOLDS_MS[k - 1]).toBeCloseTo(2 ** 0.25, 12);
    }
  });

  it.each([
    { latencyMs: 0, bucket: 0 },
    { latencyMs: 0.99, bucket: 0 },
    { latencyMs: 1, bucket: 1 },
    { latencyMs: 1.18, bucket: 1 },
    { latencyMs: 1.19, bucket: 2 },
    { latencyMs: 2, bucket: 5 },
    { latencyMs: 100, bucket: 27 },
    { latencyMs: 1_000, bucket: 40 },
    { latencyMs: 60_000, bucket: 64 },
    { latencyMs: 65_536, bucket: 65 },
    { latencyMs: 1e9, bucket: 65 },
  ])('puts $latencyMs ms in bucket $bucket', ({ latencyMs, bucket }) => {
    expect(latencyBucketIndex(latencyMs)).toBe(bucket);
    if (bucket > 0 && bucket < 65) {
      expect(LATENCY_BUCKET_THRESHOLDS_MS[bucket - 1]).toBeLessThanOrEqual(latencyMs);
      expect(LATENCY_BUCKET_THRESHOLDS_MS[bucket]).toBeGreaterThan(latencyMs);
    }
  });

  it('reads every value of 1 ms and more back within the documented 9.05 % error', () => {
    expect(PERCENTILE_MAX_RELATIVE_ERROR).toBeCloseTo(0.0905, 4);
    for (let latency = 1; latency < 60_000; latency *= 1.013) {
      const estimate = bucketEstimateMs(latencyBucketIndex(latency));
      expect(Math.abs(estimate - latency) / latency).toBeLessThanOrEqual(PERCENTILE_MAX_RELATIVE_ERROR + 1e-12);
    }
  });

  it('reads sub-millisecond values as 0.5 ms', () => {
    expect(bucketEstimateMs(latencyBucketIndex(0.2))).toBe(0.5);
  });

  it.each([
    { name: 'an empty histogram', latencies: [], q: 0.5, expected: null },
    { name: 'one value', latencies: [100], q: 0.99, expected: bucketEstimateMs(27) },
    { name: 'the median of 1..4 ms is the 2nd value', latencies: [1, 2, 3, 4], q: 0.5, expected: bucketEstimateMs(5) },
    { name: 'p95 of 19 fast and 1 slow is still fast', latencies: [...Array(19).fill(10), 1_000], q: 0.95, expected: bucketEstimateMs(14) },
    { name: 'p99 of 19 fast and 1 slow is the slow one', latencies: [...Array(19).fill(10), 1_000], q: 0.99, expected: bucketEstimateMs(40) },
  ])('takes quantiles by nearest rank: $name', ({ latencies, q, expected }) => {
    expect(histogramQuantile(histogramOf(latencies), q)).toBe(expected);
  });

  it('keeps a percentile within the bucket error of the exact nearest-rank value', () => {
    const latencies = Array.from({ length: 1_000 }, (_, index) => 5 + ((index * 7919) % 1_000) * 1.7);
    const sorted = [...latencies].sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1];
      const estimate = histogramQuantile(histogramOf(latencies), q)!;
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(PERCENTILE_MAX_RELATIVE_ERROR);
    }
  });

  it('merges counts key by key without touching its inputs', () => {
    const a = { '3': 2, '5': 1 };
    expect(mergeCounts(a, { '5': 4, '9': 1 })).toEqual({ '3': 2, '5': 5, '9': 1 });
    expect(a).toEqual({ '3': 2, '5': 1 });
  });

  it('gives the same quantiles for merged halves as for the whole', () => {
    const first = [3, 4, 5, 80, 90];
    const second = [6, 7, 700, 8, 9];
    const merged = mergeCounts(histogramOf(first), histogramOf(second));
    expect(merged).toEqual(histogramOf([...first, ...second]));
  });
});
