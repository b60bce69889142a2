// An all-in-one hopwatch in front of one slow target, and a way to add a fleet of sites checking it: for the tests
// of a worker whose checks take longer than its slots allow (test/e2e/running-behind, test/e2e/probe-concurrency).
import { Client } from 'pg';
import { freePort } from './free-port';
import { HopwatchProcess, startHopwatch } from './hopwatch-process';
import { startTargetServer, TargetServer } from './target-server';
import { createTestDatabase, TestDatabase } from './test-database';

/** 10 sites every 5 s, each answered after 1.5 s: 2 checks a second, so at least 3 must probe at once. */
export const SLOW_FLEET = { sites: 10, intervalSeconds: 5, answerAfterMs: 1_500 } as const;

export type SlowFleet = {
  app: HopwatchProcess;
  base: string;
  query<T>(text: string, parameters?: unknown[]): Promise<T[]>;
  /** The fleet's sites (SLOW_FLEET), all due now. */
  addSites(): Promise<void>;
  /** The value of an unlabelled or region="default" series on /metrics, or undefined. */
  metric(name: string): Promise<number | undefined>;
  stop(): Promise<void>;
};

export async function startSlowFleet(env: Record<string, string>): Promise<SlowFleet> {
  const [database, target]: [TestDatabase, TargetServer] = await Promise.all([
    createTestDatabase(),
    startTargetServer((_request, response) => setTimeout(() => response.end('ok'), SLOW_FLEET.answerAfterMs)),
  ]);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startHopwatch('all-in-one', {
    DATABASE_URL: database.url,
    HOPWATCH_REDIS_PREFIX: `hw-slow-${process.pid}-${port}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    HOPWATCH_SHUTDOWN_TIMEOUT_MS: '2000',
    ...env,
  });
  await app.started(60_000);
  const query = async <T>(text: string, parameters: unknown[] = []): Promise<T[]> => {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      return (await db.query(text, parameters)).rows as T[];
    } finally {
      await db.end();
    }
  };
  return {
    app,
    base,
    query,
    async addSites() {
      await query(
        `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                            alert_channel_ids, confirmations, recoveries, paused, next_run_at)
         SELECT 'slow-' || n, $1, 'GET', $2, 5000, '200', '{default}', '{}', '{}', '{}', 2, 2, false, now() FROM generate_series(1, $3::int) AS n`,
        [target.url('/'), SLOW_FLEET.intervalSeconds, SLOW_FLEET.sites],
      );
    },
    async metric(name) {
      const text = await (await fetch(`${base}/metrics`)).text();
      const value = new RegExp(`^${name}(?:\\{region="default"\\})? (\\S+)`, 'm').exec(text)?.[1];
      return value === undefined ? undefined : Number(value);
    },
    async stop() {
      app.child.kill('SIGKILL');
      await app.exited();
      await target.close();
      await database.drop();
    },
  };
}
