// Seeds the history benchmark: one site with 90 days of 30 s checks of its entry and two hops written through
// the real insert (so the rollups are built by the real statement), and many sites whose 30 days of rollups
// are inserted directly (checking them for real would take 30 days), plus their last minutes of raw results.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckResultRepository, NewCheckResult } from '@hopwatch/db';

const TARGETS = ['entry', 'proxy', 'app'] as const;
/** Packed histogram entries are bucket * COUNT_SPAN + count (libs/db/src/history/packed-histogram.ts). */
const COUNT_SPAN = 16_777_216;
const BASE_LATENCY_MS: Record<string, number> = { entry: 140, proxy: 60, app: 25 };

/** A small deterministic PRNG (mulberry32), so every run seeds the same history. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function insertSites(dataSource: DataSource, count: number, intervalSeconds: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await dataSource.query(
    `INSERT INTO sites (id, name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                        alert_channel_ids, confirmations, recoveries, paused, next_run_at, created_at)
     SELECT id, 'history-bench-' || id, 'https://shop.example.com/', 'GET', $2, 10000, '200-399', '{default}', '{}', '{bench}',
            '{}', 2, 2, false, now() + interval '1 day', now() - interval '400 days'
       FROM unnest($1::uuid[]) AS id`,
    [ids, intervalSeconds],
  );
  await dataSource.query(
    `INSERT INTO hops (site_id, position, name, role, url)
     SELECT id, 0, 'proxy', 'reverse_proxy', 'http://10.0.0.10/' FROM unnest($1::uuid[]) AS id
     UNION ALL SELECT id, 1, 'app', 'app', 'http://10.0.0.20:8080/health' FROM unnest($1::uuid[]) AS id`,
    [ids],
  );
  return ids;
}

/** One slot's results: mostly fast successes, a 502 outage of 10 minutes every 3 days, rare sporadic failures. */
function slotResults(siteId: string, slot: number, random: () => number): NewCheckResult[] {
  const inOutage = slot % (3 * 86_400) < 600;
  return TARGETS.map((target): NewCheckResult => {
    const roll = random();
    const failing = (inOutage && target !== 'app') || roll < 0.001;
    const timeout = !inOutage && roll >= 0.001 && roll < 0.0015;
    const totalMs = timeout ? 10_000 : BASE_LATENCY_MS[target] * (0.6 + random() * random() * 3);
    return {
      siteId,
      slot,
      region: 'default',
      target,
      kind: 'http',
      ok: !failing && !timeout,
      startedAt: new Date(slot * 1000 + 20).toISOString(),
      status: timeout ? null : failing ? 502 : 200,
      errorCode: timeout ? 'ETIMEDOUT' : null,
      errorMessage: timeout ? 'no answer within 10000 ms' : null,
      timings: { dnsMs: 2, connectMs: 5, tlsMs: target === 'entry' ? 20 : null, ttfbMs: totalMs * 0.9, totalMs },
      remoteAddress: '10.0.0.10',
      headers: failing ? { server: 'nginx', 'content-type': 'text/html' } : ({ server: 'nginx', 'x-cache': 'MISS' } as Record<string, string>),
      bodySnippet: failing ? '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>' : null,
      tls: null,
      dns: null,
      gateway: failing ? 'nginx' : null,
    };
  });
}

/** Writes every slot in [from, to) through CheckResultRepository.insertMany, `slotsPerBatch` slots a statement. */
export async function writeHistory(
  results: CheckResultRepository,
  siteId: string,
  window: { from: number; to: number; intervalSeconds: number },
  slotsPerBatch: number,
  progress: (written: number) => void = () => undefined,
): Promise<number> {
  const random = randomFrom(42);
  let written = 0;
  for (let start = window.from; start < window.to; start += slotsPerBatch * window.intervalSeconds) {
    const batch: NewCheckResult[] = [];
    const end = Math.min(window.to, start + slotsPerBatch * window.intervalSeconds);
    for (let slot = start; slot < end; slot += window.intervalSeconds) batch.push(...slotResults(siteId, slot, random));
    written += (await results.insertMany(batch)).length;
    progress(written);
  }
  return written;
}

/**
 * Hourly rollups of [from, to) for the given sites (60 s checks, 60 an hour, a failure now and then), and
 * the daily rollups those hours add up to.
 */
export async function insertRollups(dataSource: DataSource, siteIds: string[], from: number, to: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO rollups_hourly (site_id, bucket_start, target, region, checks, up, failed, missed, status_5xx, status_502,
                                 status_503, status_504, timeouts, latency_sum_ms, downtime_seconds, latency_histogram, status_counts)
     SELECT site.id, hour, target, 'default', 60, 60 - failures.n, failures.n, 0, failures.n, failures.n, 0, 0, 0,
            (60 - failures.n) * 110.0, failures.n * 60,
            ARRAY[26 * ${COUNT_SPAN} + 20, 27 * ${COUNT_SPAN} + 25 - failures.n, 28 * ${COUNT_SPAN} + 10, 30 * ${COUNT_SPAN} + 5],
            CASE WHEN failures.n = 0 THEN '{"200": 60}'::jsonb ELSE jsonb_build_object('200', 60 - failures.n, '502', failures.n) END
       FROM unnest($1::uuid[]) AS site(id)
      CROSS JOIN generate_series(to_timestamp($2), to_timestamp($3) - interval '1 hour', interval '1 hour') AS hour
      CROSS JOIN unnest(ARRAY['entry', 'proxy', 'app']) AS target
      CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashtext(site.id::text || hour::text || target)) % 40 = 0 THEN 2 ELSE 0 END AS n) AS failures`,
    [siteIds, from, to],
  );
  // Fresh statistics, so the daily sums below are planned for the rows just written, not for an empty table.
  await dataSource.query('ANALYZE rollups_hourly');
  await dataSource.query(
    `WITH hours AS (
       SELECT * FROM rollups_hourly WHERE site_id = ANY($1::uuid[]) AND bucket_start >= to_timestamp($2) AND bucket_start < to_timestamp($3)
     ),
     histograms AS (
       SELECT site_id, day, target, region, array_agg(bucket * ${COUNT_SPAN} + total ORDER BY bucket) AS latency_histogram FROM (
         SELECT site_id, date_trunc('day', bucket_start, 'UTC') AS day, target, region, entry / ${COUNT_SPAN} AS bucket,
                sum(entry % ${COUNT_SPAN})::int AS total
           FROM hours, unnest(latency_histogram) AS entry GROUP BY 1, 2, 3, 4, 5) AS per_bucket GROUP BY 1, 2, 3, 4
     ),
     statuses AS (
       SELECT site_id, day, target, region, jsonb_object_agg(key, total) AS status_counts FROM (
         SELECT site_id, date_trunc('day', bucket_start, 'UTC') AS day, target, region, key, sum(value::int) AS total
           FROM hours, jsonb_each_text(status_counts) GROUP BY 1, 2, 3, 4, 5) AS per_key GROUP BY 1, 2, 3, 4
     )
     INSERT INTO rollups_daily (site_id, bucket_start, target, region, checks, up, failed, missed, status_5xx, status_502,
                                status_503, status_504, timeouts, latency_sum_ms, downtime_seconds, latency_histogram, status_counts)
     SELECT sums.*, histograms.latency_histogram, statuses.status_counts FROM (
       SELECT site_id, date_trunc('day', bucket_start, 'UTC') AS day, target, region, sum(checks), sum(up), sum(failed), sum(missed),
              sum(status_5xx), sum(status_502), sum(status_503), sum(status_504), sum(timeouts), sum(latency_sum_ms), sum(downtime_seconds)
         FROM hours GROUP BY 1, 2, 3, 4) AS sums
     JOIN histograms USING (site_id, day, target, region)
     JOIN statuses USING (site_id, day, target, region)`,
    [siteIds, from, to],
  );
}
