import { Client } from 'pg';
import { round } from './process-sampler';
import { PER_PROBE_TABLES, PER_SITE_TABLES, STORED_BYTES } from './storage-figures';

export type PipelineFigures = {
  probes: number;
  rows: number;
  latenessMs: { p50: number; p95: number; p99: number; max: number };
  /**
   * p99 lateness of each interval of the run in turn: the first one also carries the cold start (every site's
   * first probe, series filed, code not yet optimised), the later ones show the steady state.
   */
  latenessP99ByIntervalMs: number[];
  slotsExpected: number;
  slotsChecked: number;
  missed: number;
  duplicates: number;
  /** On disk, indexes included, per stored result of the run (mostly healthy probes). */
  bytesPerStoredResult: number;
  /**
   * Filed once per site, not per probe: its series keys and DNS answer sets. A run of a few minutes spreads them
   * over few results; a day spreads them over 1,440 checks per target.
   */
  bytesPerSiteOnce: number;
};

// Slots due in the last seconds before the scheduler stopped may not have been claimed yet; they are left out.
const END_GRACE_SECONDS = 2;

/** Reads what the run left in check_results: every slot due up to the end of the run should be there exactly once. */
export async function measure(databaseUrl: string, firstSlots: Map<string, number>, endedAtMs: number, intervalSeconds: number): Promise<PipelineFigures> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const endSeconds = Math.floor(endedAtMs / 1000) - END_GRACE_SECONDS;
    let slotsExpected = 0;
    for (const first of firstSlots.values()) if (first <= endSeconds) slotsExpected += Math.floor((endSeconds - first) / intervalSeconds) + 1;
    const { rows: [totals] } = await client.query(
      `SELECT count(*)::int AS rows,
              count(*) FILTER (WHERE error_code IS DISTINCT FROM 'MISSED')::int AS probes,
              count(*) FILTER (WHERE error_code = 'MISSED')::int AS missed,
              (count(*) - count(DISTINCT (site_id, target, region, slot)))::int AS duplicates,
              count(DISTINCT (site_id, slot)) FILTER (WHERE target = 'entry' AND slot <= to_timestamp($1) AND error_code IS DISTINCT FROM 'MISSED')::int AS slots
         FROM check_results`,
      [endSeconds],
    );
    const { rows: [lateness] } = await client.query(
      `SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms) AS p, max(ms) AS max
         FROM (SELECT extract(epoch FROM started_at - slot) * 1000 AS ms FROM check_results
                WHERE target = 'entry' AND error_code IS DISTINCT FROM 'MISSED') AS entry_lateness`,
    );
    const [p50, p95, p99] = (lateness.p ?? [0, 0, 0]).map((value: number) => round(value));
    const { rows: byInterval } = await client.query(
      `SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - slot) * 1000) AS p99
         FROM check_results WHERE target = 'entry' AND error_code IS DISTINCT FROM 'MISSED'
        GROUP BY floor((extract(epoch FROM slot) - $1) / $2) ORDER BY floor((extract(epoch FROM slot) - $1) / $2)`,
      [[...firstSlots.values()].reduce((earliest, slot) => Math.min(earliest, slot), Infinity), intervalSeconds],
    );
    const { rows: [stored] } = await client.query(STORED_BYTES, [PER_PROBE_TABLES]);
    const { rows: [perSite] } = await client.query(STORED_BYTES, [PER_SITE_TABLES]);
    return {
      probes: totals.probes,
      rows: totals.rows,
      latenessMs: { p50, p95, p99, max: round(lateness.max ?? 0) },
      latenessP99ByIntervalMs: byInterval.map((row: { p99: number }) => round(row.p99)),
      slotsExpected,
      slotsChecked: totals.slots,
      missed: totals.missed,
      duplicates: totals.duplicates,
      bytesPerStoredResult: totals.rows === 0 ? 0 : Math.round(stored.bytes / totals.rows),
      bytesPerSiteOnce: firstSlots.size === 0 ? 0 : Math.round(perSite.bytes / firstSlots.size),
    };
  } finally {
    await client.end();
  }
}
