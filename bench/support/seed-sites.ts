import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { firstSlotFor } from '@hopwatch/domain';

export type BenchTargets = { entryPort: number; proxyPort: number; appPort: number; dns: string };

/**
 * Inserts the sites as the API would (id-derived phase, first slot after now); returns each site's first slot.
 * A chain site is an entry by name (through the bench resolver, which is also checked) and two hops; without
 * `chain`, a site is its entry alone, by address.
 */
export async function seedSites(
  databaseUrl: string,
  count: number,
  intervalSeconds: number,
  hostname: string,
  targets: BenchTargets,
  chain = true,
): Promise<Map<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const firstSlots = new Map<string, number>();
  try {
    const startMs = Date.now() + 5_000;
    for (let offset = 0; offset < count; offset += 2_000) {
      const ids = Array.from({ length: Math.min(2_000, count - offset) }, () => randomUUID());
      const slots = ids.map((id) => firstSlotFor(id, intervalSeconds, startMs));
      ids.forEach((id, index) => firstSlots.set(id, slots[index]));
      const nextRuns = slots.map((slot) => new Date(slot * 1000).toISOString());
      await client.query(
        `INSERT INTO sites (id, name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                            alert_channel_ids, confirmations, recoveries, paused, next_run_at)
         SELECT id, 'bench-' || id, $3, 'GET', $4, 5000, '200-399', '{default}', $5::text[], '{bench}', '{}', 2, 2, false, next_run_at
           FROM unnest($1::uuid[], $2::timestamptz[]) AS seeded(id, next_run_at)`,
        [ids, nextRuns, `http://${chain ? hostname : '127.0.0.1'}:${targets.entryPort}/`, intervalSeconds, chain ? [targets.dns] : []],
      );
      if (!chain) continue;
      await client.query(
        `INSERT INTO hops (site_id, position, name, role, url)
         SELECT id, 0, 'proxy', 'reverse_proxy', $2 FROM unnest($1::uuid[]) AS id
         UNION ALL
         SELECT id, 1, 'app', 'app', $3 FROM unnest($1::uuid[]) AS id`,
        [ids, `http://127.0.0.1:${targets.proxyPort}/`, `http://127.0.0.1:${targets.appPort}/health`],
      );
    }
  } finally {
    await client.end();
  }
  return firstSlots;
}
