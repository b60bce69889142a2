// The fixed log-scale latency histogram the rollups keep, so percentiles over any range come from merged
// bucket counts instead of raw results.
//
// Thresholds are 2^(k/4) ms for k = 0..64: 1 ms up to 65.5 s (above the longest timeout, 60 s), a ratio of
// 2^(1/4) ≈ 1.19 between neighbours. Bucket 0 holds [0, 1) ms, bucket i (1..64) holds
// [2^((i-1)/4), 2^(i/4)) ms, bucket 65 holds 65 536 ms and above: bucket i is "how many thresholds are ≤ the
// value", which is exactly what Postgres' width_bucket(value, thresholds) returns, so SQL and this file
// agree by construction.
//
// A percentile is read as the geometric middle of the bucket holding its rank. The true value lies in the
// same bucket, so the relative error is at most 2^(1/8) − 1 ≈ 9.05 % (at most 0.5 ms below 1 ms).

/** The 65 bucket thresholds in milliseconds, ascending. Passed to SQL as a parameter: one definition. */
export const LATENCY_BUCKET_THRESHOLDS_MS: readonly number[] = Array.from({ length: 65 }, (_, k) => 2 ** (k / 4));

export const LATENCY_BUCKET_COUNT = LATENCY_BUCKET_THRESHOLDS_MS.length + 1;

/** The largest relative error of a percentile read from the buckets, for values of 1 ms and more. */
export const PERCENTILE_MAX_RELATIVE_ERROR = 2 ** (1 / 8) - 1;

/** Sparse: bucket index (as a string, the way JSON keys are) → count. Absent buckets are empty. */
export type LatencyHistogram = Record<string, number>;

/** The bucket a latency falls in: the number of thresholds at or below it (like SQL's width_bucket). */
export function latencyBucketIndex(latencyMs: number): number {
  let low = 0;
  let high = LATENCY_BUCKET_THRESHOLDS_MS.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (LATENCY_BUCKET_THRESHOLDS_MS[middle] <= latencyMs) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The value reported for a bucket: its geometric middle; the lower edge for the open-ended top bucket. */
export function bucketEstimateMs(bucketIndex: number): number {
  const thresholds = LATENCY_BUCKET_THRESHOLDS_MS;
  if (bucketIndex <= 0) return thresholds[0] / 2;
  if (bucketIndex >= thresholds.length) return thresholds[thresholds.length - 1];
  return Math.sqrt(thresholds[bucketIndex - 1] * thresholds[bucketIndex]);
}

export function histogramOf(latenciesMs: number[]): LatencyHistogram {
  const histogram: LatencyHistogram = {};
  for (const latency of latenciesMs) {
    const key = String(latencyBucketIndex(latency));
    histogram[key] = (histogram[key] ?? 0) + 1;
  }
  return histogram;
}

/** Adds counts key by key; used for latency histograms and status counts alike. */
export function mergeCounts(into: Record<string, number>, add: Record<string, number>): Record<string, number> {
  const merged = addCountsInto({}, into);
  return addCountsInto(merged, add);
}

/** Adds `add` into `target` in place (for sums over many rows) and returns it. */
export function addCountsInto(target: Record<string, number>, add: Record<string, number>): Record<string, number> {
  for (const key in add) target[key] = (target[key] ?? 0) + add[key];
  return target;
}

/**
 * Quantiles (0 < q ≤ 1) by nearest rank: for each q, the estimate of the bucket holding the ⌈q·n⌉-th
 * smallest value. Null for an empty histogram. One pass over the buckets for all the quantiles asked.
 */
export function histogramQuantiles(histogram: LatencyHistogram, quantiles: number[]): Array<number | null> {
  let total = 0;
  for (const key in histogram) total += histogram[key];
  if (total <= 0) return quantiles.map(() => null);
  // The epsilon keeps float noise (0.95 × 20 = 19.000000000000004) from skipping a rank.
  const ranks = quantiles.map((q) => Math.max(1, Math.ceil(q * total - 1e-9)));
  const answers: Array<number | null> = quantiles.map(() => null);
  let seen = 0;
  for (let bucket = 0; bucket < LATENCY_BUCKET_COUNT; bucket++) {
    seen += histogram[bucket] ?? 0;
    ranks.forEach((rank, index) => {
      if (answers[index] === null && seen >= rank) answers[index] = bucketEstimateMs(bucket);
    });
  }
  return answers;
}

export function histogramQuantile(histogram: LatencyHistogram, q: number): number | null {
  return histogramQuantiles(histogram, [q])[0];
}
