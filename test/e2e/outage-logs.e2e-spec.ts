// During an outage a process says so once, says so again once when it is over (with the duration), and its
// /health/ready and hopwatch_dependency_up agree all along; nothing is logged on every retry.
import { Client } from 'pg';
import { freePort } from '../support/free-port';
import { HopwatchProcess, startHopwatch } from '../support/hopwatch-process';
import { PrivatePostgres, startPrivatePostgres } from '../support/postgres-server';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { Handler, startTargetServer, TargetServer } from '../support/target-server';
import { waitFor } from '../support/boot-pipeline';

const OUTAGE_MS = 6_000;
// Slow answers keep checks in flight when the dependency goes, as on a loaded machine: their lost locks are news
// once, not once per job.
const answerSlowly: Handler = (_request, response) => setTimeout(() => response.writeHead(200).end('ok'), 1_500);

type Readiness = { status: number; postgres: string; redis: string; gauge: Record<string, number> };

describe('logs and readiness through an outage', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let target: TargetServer;
  let app: HopwatchProcess;
  let base: string;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    target = await startTargetServer(answerSlowly);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = startHopwatch('all-in-one', {
      DATABASE_URL: postgres.url.replace(/\/postgres$/, '/hopwatch'),
      REDIS_URL: redis.url,
      HOPWATCH_REDIS_PREFIX: 'hw-outage-logs',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      HOPWATCH_SHUTDOWN_TIMEOUT_MS: '3000',
    });
    await app.started(60_000);
    const db = new Client({ connectionString: postgres.url.replace(/\/postgres$/, '/hopwatch') });
    await db.connect();
    await db.query(
      `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                          alert_channel_ids, confirmations, recoveries, paused, next_run_at)
       SELECT 'site-' || n, $1, 'GET', 5, 2000, '200', '{default}', '{}', '{}', '{}', 2, 2, false, now() FROM generate_series(1, 5) AS n`,
      [target.url('/')],
    );
    await db.end();
  });

  afterAll(async () => {
    app.child.kill('SIGKILL');
    await app.exited();
    await target.close();
    await Promise.all([postgres.remove(), redis.stop()]);
  });

  async function readiness(): Promise<Readiness> {
    const ready = await fetch(`${base}/health/ready`);
    const body = (await ready.json()) as { checks?: Record<string, { status: string }>; message?: { checks: Record<string, { status: string }> } };
    const checks = body.checks ?? body.message?.checks ?? {};
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const gauge: Record<string, number> = {};
    for (const match of metrics.matchAll(/^hopwatch_dependency_up\{dependency="(\w+)"\} (\d)$/gm)) gauge[match[1]] = Number(match[2]);
    return { status: ready.status, postgres: checks.postgres?.status, redis: checks.redis?.status, gauge };
  }

  const lines = (pattern: RegExp) => app.output().split('\n').filter((line) => pattern.test(line));

  it.each(['postgres', 'redis'] as const)('a %s outage is two lines, and readiness and the gauge agree', async (dependency) => {
    expect(await readiness()).toEqual({ status: 200, postgres: 'up', redis: 'up', gauge: { postgres: 1, redis: 1 } });
    const linesBefore = app.output().split('\n').length;

    await (dependency === 'postgres' ? postgres.stop() : redis.stop());
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const during = await readiness();
    expect(during.status).toBe(503);
    expect(during[dependency]).toBe('down');
    expect(during.gauge[dependency]).toBe(0);
    await (dependency === 'postgres' ? postgres.start() : redis.restart());
    await waitFor(readiness, (state) => state.status === 200, 20_000);
    expect((await readiness()).gauge).toEqual({ postgres: 1, redis: 1 });

    const outageLines = app
      .output()
      .split('\n')
      .slice(linesBefore - 1)
      .filter((line) => line.trim() && !/"msg":"request (completed|errored)"/.test(line));
    expect(lines(new RegExp(`${dependency} is unreachable`))).toHaveLength(1);
    expect(lines(new RegExp(`${dependency} is reachable again after \\d+\\.\\d s`))).toHaveLength(1);
    // Quiet: a handful of lines for the whole outage (the two above, perhaps a leader change), not one per retry.
    expect(outageLines.slice(6)).toEqual([]);
  });
});
