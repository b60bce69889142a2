// SIGTERM stops every process within HOPWATCH_SHUTDOWN_TIMEOUT_MS whatever is down, with one line saying how.
import { Client } from 'pg';
import { migrateDatabase } from '@hopwatch/db';
import { freePort } from '../support/free-port';
import { HopwatchProcess, Role, startHopwatch } from '../support/hopwatch-process';
import { PrivatePostgres, startPrivatePostgres } from '../support/postgres-server';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { startTargetServer, TargetServer } from '../support/target-server';
import { waitFor } from '../support/boot-pipeline';

const SHUTDOWN_TIMEOUT_MS = 3_000;
const ROLES: Role[] = ['api', 'scheduler', 'worker', 'all-in-one'];

describe('stopping on SIGTERM', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let databaseUrl: string;
  let target: TargetServer;
  const running: HopwatchProcess[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    databaseUrl = postgres.url.replace(/\/postgres$/, '/hopwatch');
    await migrateDatabase(databaseUrl);
    target = await startTargetServer((_request, response) => setTimeout(() => response.end('ok'), 1_500));
  });

  afterAll(async () => {
    for (const process of running) process.child.kill('SIGKILL');
    await target.close();
    await Promise.all([postgres.remove(), redis.stop()]);
  });

  async function start(role: Role, prefix = `hw-shutdown-${role}`): Promise<HopwatchProcess> {
    const process = startHopwatch(role, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      HOPWATCH_REDIS_PREFIX: prefix,
      HOPWATCH_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
    });
    running.push(process);
    await process.started();
    return process;
  }

  async function stopTimed(process: HopwatchProcess): Promise<{ code: number | string; elapsedMs: number; lines: string[] }> {
    const startedAt = Date.now();
    process.child.kill('SIGTERM');
    const code = await process.exited();
    const lines = process.output().split('\n').filter((line) => line.includes('SIGTERM received'));
    return { code, elapsedMs: Date.now() - startedAt, lines };
  }

  describe.each(['postgres', 'redis'] as const)('while %s is down', (dependency) => {
    beforeEach(() => (dependency === 'postgres' ? postgres.stop() : redis.stop()));
    afterEach(async () => {
      if (dependency === 'postgres') await postgres.start();
      else await redis.restart();
    });

    it.each(ROLES)('the %s exits within the timeout with one line', async (role) => {
      // Start healthy, then lose the dependency: the process is in its steady state when the signal comes.
      if (dependency === 'postgres') await postgres.start();
      else await redis.restart();
      const process = await start(role);
      if (dependency === 'postgres') await postgres.stop();
      else await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));

      const { elapsedMs, lines } = await stopTimed(process);

      expect(elapsedMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 2_000);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^hopwatch ${role}: SIGTERM received, (stopped cleanly|gave up waiting)`));
    });
  });

  it('lets a worker finish its in-flight check before it stops', async () => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                            alert_channel_ids, confirmations, recoveries, paused, next_run_at)
         VALUES ('slow', $1, 'GET', 300, 5000, '200', '{default}', '{}', '{}', '{}', 2, 2, false, now())`,
        [target.url('/')],
      );
      const scheduler = await start('scheduler', 'hw-shutdown-inflight');
      const worker = await start('worker', 'hw-shutdown-inflight');
      await waitFor(async () => target.requests, (requests) => requests > 0, 20_000);

      const { code, lines } = await stopTimed(worker);

      expect(code).toBe(0);
      expect(lines[0]).toContain('stopped cleanly');
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM check_results WHERE target = 'entry' AND ok`);
      expect(rows[0].n).toBe(1);
      scheduler.child.kill('SIGTERM');
      expect(await scheduler.exited()).toBe(0);
    } finally {
      await db.end();
    }
  });
});
