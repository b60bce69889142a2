// Redis restarted empty after the scheduler claimed slots: the jobs of those slots are re-enqueued, run once each,
// and none becomes MISSED.
import { Client } from 'pg';
import { waitFor } from '../support/boot-pipeline';
import { HopwatchProcess, startHopwatch } from '../support/hopwatch-process';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { startTargetServer, TargetServer } from '../support/target-server';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SITES = 10;
const INTERVAL_SECONDS = 60;

describe('Redis losing its queued checks', () => {
  let database: TestDatabase;
  let db: Client;
  let redis: PrivateRedis;
  let target: TargetServer;
  const running: HopwatchProcess[] = [];

  beforeAll(async () => {
    [database, redis, target] = await Promise.all([createTestDatabase(), startPrivateRedis(), startTargetServer()]);
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    for (const process of running) process.child.kill('SIGKILL');
    await db.end();
    await target.close();
    await redis.stop();
    await database.drop();
  });

  const start = async (role: 'scheduler' | 'worker') => {
    const process = startHopwatch(role, { DATABASE_URL: database.url, REDIS_URL: redis.url, HOPWATCH_REDIS_PREFIX: 'hw-redis-loss' });
    running.push(process);
    await process.started();
  };

  it('re-enqueues every claimed slot not stored yet, and runs each once', async () => {
    await db.query(
      `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                          alert_channel_ids, confirmations, recoveries, paused, next_run_at)
       SELECT 'loss-' || n, $1, 'GET', ${INTERVAL_SECONDS}, 2000, '200', '{default}', '{}', '{}', '{}', 2, 2, false, date_trunc('second', now()) + interval '1 second'
         FROM generate_series(1, ${SITES}) AS n`,
      [target.url('/')],
    );
    // Only a scheduler: the claimed slots wait in Redis as jobs, then Redis restarts without them.
    await start('scheduler');
    // The claim itself, not merely a next_run_at in the future: the sites' first one already is, before any claim.
    const claimed = await waitFor(
      async () => (await db.query(`SELECT id, last_enqueued_slot AS slot FROM sites WHERE last_enqueued_slot IS NOT NULL`)).rows,
      (rows) => rows.length === SITES,
    );
    await redis.restart();
    await start('worker');

    const storedForClaimed = async () =>
      (
        await db.query(
          `SELECT result.site_id, result.ok, result.error_code FROM check_results AS result
             JOIN unnest($1::uuid[], $2::timestamptz[]) AS claimed(id, slot) ON result.site_id = claimed.id AND result.slot = claimed.slot
            WHERE result.target = 'entry'`,
          [claimed.map((row) => row.id), claimed.map((row) => row.slot)],
        )
      ).rows;
    // Well within the interval: these are the claimed slots being run, not the next ones.
    const rows = await waitFor(storedForClaimed, (stored) => stored.length >= SITES, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(await storedForClaimed()).toHaveLength(SITES);
    expect(rows.every((row) => row.ok && row.error_code === null)).toBe(true);
    const perSlot = await db.query(`SELECT count(*)::int AS n FROM check_results GROUP BY site_id, target, region, slot`);
    expect(perSlot.rows.every((row: { n: number }) => row.n === 1)).toBe(true);
  });
});
