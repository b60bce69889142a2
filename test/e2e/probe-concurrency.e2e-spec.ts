// A worker with time to spare probes more checks at once when checks wait for a slot, and so keeps up where a
// fixed number would run behind (test/e2e/running-behind.e2e-spec.ts is the same fleet with the number fixed).
import { Client } from 'pg';
import { waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { HopwatchProcess, startHopwatch } from '../support/hopwatch-process';
import { startTargetServer, TargetServer } from '../support/target-server';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SITES = 10;
const INTERVAL_SECONDS = 5;
/** 10 checks of 1.5 s every 5 s: at least 3 must probe at once, against the 1 the worker starts with. */
const ANSWER_AFTER_MS = 1_500;

describe('a worker with time to spare', () => {
  let database: TestDatabase;
  let target: TargetServer;
  let app: HopwatchProcess;
  let base: string;

  beforeAll(async () => {
    [database, target] = await Promise.all([
      createTestDatabase(),
      startTargetServer((_request, response) => setTimeout(() => response.end('ok'), ANSWER_AFTER_MS)),
    ]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = startHopwatch('all-in-one', {
      DATABASE_URL: database.url,
      HOPWATCH_REDIS_PREFIX: `hw-slots-${process.pid}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      HOPWATCH_WORKER_CONCURRENCY: '1',
      HOPWATCH_WORKER_CONCURRENCY_MAX: '16',
      HOPWATCH_SHUTDOWN_TIMEOUT_MS: '2000',
    });
    await app.started(60_000);
  });

  afterAll(async () => {
    app.child.kill('SIGKILL');
    await app.exited();
    await target.close();
    await database.drop();
  });

  const query = async <T>(text: string, parameters: unknown[] = []): Promise<T[]> => {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      return (await db.query(text, parameters)).rows as T[];
    } finally {
      await db.end();
    }
  };
  const slotsGauge = async () => Number(/^hopwatch_worker_probe_concurrency\{region="default"\} (\d+)/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1]);

  it('grows its probe slots past HOPWATCH_WORKER_CONCURRENCY, within its _MAX, and keeps every slot on time', async () => {
    expect(await slotsGauge()).toBe(1);
    await query(
      `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                          alert_channel_ids, confirmations, recoveries, paused, next_run_at)
       SELECT 'slow-' || n, $1, 'GET', ${INTERVAL_SECONDS}, 5000, '200', '{default}', '{}', '{}', '{}', 2, 2, false, now() FROM generate_series(1, ${SITES}) AS n`,
      [target.url('/')],
    );
    const grown = await waitFor(slotsGauge, (slots) => slots >= 3, 30_000);
    expect(grown).toBeLessThanOrEqual(16);
    // Four intervals once it has grown: every check of them starts well within its interval, none missed.
    const [{ from }] = await query<{ from: Date }>(`SELECT now() + interval '2 seconds' AS from`);
    const intervals = () =>
      query<{ checks: number; missed: number; worst: number }>(
        `SELECT count(*)::int AS checks, count(*) FILTER (WHERE error_code = 'MISSED')::int AS missed,
                max(extract(epoch FROM started_at - slot))::float8 AS worst
           FROM check_results WHERE slot >= $1 AND slot < $1 + interval '${4 * INTERVAL_SECONDS} seconds'`,
        [from],
      ).then((rows) => rows[0]);
    const late = await waitFor(intervals, (figures) => figures.checks >= 4 * SITES, 60_000);
    expect(late).toMatchObject({ checks: 4 * SITES, missed: 0 });
    expect(late.worst).toBeLessThan(2);
    expect(await slotsGauge()).toBeLessThanOrEqual(16);
  }, 120_000);
});
