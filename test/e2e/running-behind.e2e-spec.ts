// Past its capacity the pipeline says so before slots are missed: one warning line with the figures,
// `hopwatch_checks_behind`, and /health/ready `degraded`; and one line when it has caught up.
import { Client } from 'pg';
import { waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { HopwatchProcess, startHopwatch } from '../support/hopwatch-process';
import { startTargetServer, TargetServer } from '../support/target-server';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SITES = 10;
const INTERVAL_SECONDS = 5;
/** One check at a time taking 1.5 s: 0.67 checks/s against the 2 a second the sites need. */
const ANSWER_AFTER_MS = 1_500;

describe('a worker running behind', () => {
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
      HOPWATCH_REDIS_PREFIX: `hw-behind-${process.pid}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      HOPWATCH_WORKER_CONCURRENCY: '1',
      HOPWATCH_WORKER_CONCURRENCY_MAX: '1',
      HOPWATCH_LATENESS_WARN_SECONDS: '2',
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

  const sql = async (text: string, parameters: unknown[] = []) => {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      await db.query(text, parameters);
    } finally {
      await db.end();
    }
  };
  const readiness = async () => (await (await fetch(`${base}/health/ready`)).json()) as { status: string; pipeline: { status: string; regions: { region: string; behind: boolean; p99LatenessSeconds: number }[] } };
  const behindGauge = async () => /^hopwatch_checks_behind\{region="default"\} (\d)/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1];

  it('warns once with the figures, reports degraded readiness and the metric, then says when it has caught up', async () => {
    expect((await readiness()).pipeline.status).not.toBe('behind');
    await sql(
      `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                          alert_channel_ids, confirmations, recoveries, paused, next_run_at)
       SELECT 'slow-' || n, $1, 'GET', ${INTERVAL_SECONDS}, 5000, '200', '{default}', '{}', '{}', '{}', 2, 2, false, now() FROM generate_series(1, ${SITES}) AS n`,
      [target.url('/')],
    );

    await waitFor(async () => app.output(), (output) => output.includes('checks are running behind in region default'), 60_000);
    expect(app.output()).toMatch(/checks are running behind in region default: p99 slot lateness \d+\.\d s over the last 30 s \(\d+ checks, worst \d+\.\d s, threshold 2 s\); this worker probes 1 checks at once \(at most 1\): add workers or raise HOPWATCH_WORKER_CONCURRENCY_MAX before slots are missed/);
    const degraded = await readiness();
    expect(degraded).toMatchObject({ status: 'degraded', pipeline: { status: 'behind', regions: [{ region: 'default', behind: true }] } });
    expect(degraded.pipeline.regions[0].p99LatenessSeconds).toBeGreaterThan(2);
    expect(await behindGauge()).toBe('1');

    await sql('UPDATE sites SET paused = true');
    await waitFor(async () => app.output(), (output) => output.includes('checks caught up in region default after'), 90_000);
    expect(app.output().match(/checks are running behind/g)).toHaveLength(1);
    expect(await behindGauge()).toBe('0');
    expect((await readiness()).status).toBe('ok');
  }, 180_000);
});
