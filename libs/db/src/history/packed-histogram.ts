// Rollups keep their latency histogram as one int array, an entry per non-empty bucket: bucket * 2^24 + count,
// sorted by bucket. Some 40 bytes a row less than the JSON object it replaced; a count stays below 2^24 because
// a rollup row covers at most a day of one target's checks.
const COUNT_SPAN = 16_777_216;

/** SQL: the packed histogram of the bucket numbers in `buckets` (an int array expression). */
export function packedHistogramOf(buckets: string): string {
  return `coalesce((SELECT array_agg(bucket * ${COUNT_SPAN} + n ORDER BY bucket) FROM (
             SELECT bucket, count(*)::int AS n FROM unnest(${buckets}) AS bucket GROUP BY bucket
           ) AS counted), '{}'::int[])`;
}

/** SQL: two packed histograms (int array expressions) added together. */
export function mergedPackedHistograms(left: string, right: string): string {
  return `coalesce((SELECT array_agg(bucket * ${COUNT_SPAN} + n ORDER BY bucket) FROM (
             SELECT entry / ${COUNT_SPAN} AS bucket, sum(entry % ${COUNT_SPAN})::int AS n FROM unnest(${left} || ${right}) AS entry GROUP BY 1
           ) AS merged), '{}'::int[])`;
}

/** Bucket index → count, as the domain reads a histogram. */
export function unpackHistogram(entries: number[]): Record<string, number> {
  return Object.fromEntries(entries.map((entry) => [String(Math.floor(entry / COUNT_SPAN)), entry % COUNT_SPAN]));
}

/** The packed form of a bucket index → count map. */
export function packHistogram(histogram: Record<string, number>): number[] {
  return Object.entries(histogram)
    .map(([bucket, count]) => Number(bucket) * COUNT_SPAN + count)
    .sort((a, b) => a - b);
}
