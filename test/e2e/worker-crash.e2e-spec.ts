import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { ChainSpec } from '@hopwatch/domain';
import { checkBatches, CheckBatchJob, checkBatchJobId, checksQueueName } from '@hopwatch/queue';
import { waitFor } from '../support/boot-pipeline';
import { startTargetServer, TargetServer } from '../support/target-server';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_ADMIN_KEY, TEST_SECRET_KEY } from '../support/test-config';

const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');
const PREFIX = `hw-test-crash-${process.pid}`;

function startWorker(databaseUrl: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [WORKER_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      HOPWATCH_REDIS_PREFIX: PREFIX,
      HOPWATCH_ADMIN_KEY: TEST_ADMIN_KEY, HOPWATCH_SECRET_KEY: TEST_SECRET_KEY,
      HOPWATCH_TARGET_ALLOW: '127.0.0.0/8',
      HOPWATCH_JOB_LOCK_MS: '2000',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: 'ignore',
  });
}

describe('a worker killed mid-batch', () => {
  let database: TestDatabase;
  let db: Client;
  let target: TargetServer;
  let queue: Queue<CheckBatchJob>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    target = await startTargetServer((_request, response) => setTimeout(() => response.end('ok'), 20));
    queue = new Queue<CheckBatchJob>(checksQueueName('default'), { connection: { host: '127.0.0.1', port: 6379 }, prefix: PREFIX });
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await queue.obliterate({ force: true });
    await queue.close();
    await db.end();
    await target.close();
    await database.drop();
  });

  const resultCount = async () => (await db.query('SELECT count(*)::int AS n FROM check_results')).rows[0].n as number;

  async function enqueue(siteIds: string[], slot: number): Promise<void> {
    const spec: ChainSpec = {
      entry: { kind: 'http', target: 'entry', role: 'entry', url: target.url('/'), method: 'GET', connectTo: null, hostHeader: null, expectStatus: '200', bodyContains: null, timeoutMs: 5000 },
      hops: [{ kind: 'http', target: 'app', role: 'app', url: target.url('/health'), method: 'GET', connectTo: null, hostHeader: null, expectStatus: '200', bodyContains: null, timeoutMs: 5000 }],
      dnsResolvers: [],
    };
    const jobs = siteIds.map((siteId) => ({ siteId, region: 'default', slot, intervalSeconds: 300, spec }));
    await queue.addBulk(checkBatches('default', jobs, 10).map((data) => ({ name: 'check.batch', data, opts: { jobId: checkBatchJobId(data), attempts: 5 } })));
  }

  it('loses no result and doubles none after a restart', async () => {
    const { rows } = await db.query(
      `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                          alert_channel_ids, confirmations, recoveries, paused, next_run_at)
       SELECT 'crash-' || n, $1, 'GET', 300, 5000, '200', '{default}', '{}', '{}', '{}', 2, 2, true, now()
         FROM generate_series(1, 100) AS n RETURNING id`,
      [target.url('/')],
    );
    const siteIds: string[] = rows.map((row: { id: string }) => row.id);
    const slot = Math.floor(Date.now() / 1000);

    // The first worker writes one batch, then is killed while the next batch waits in its buffer.
    const doomed = startWorker(database.url, { HOPWATCH_WRITER_FLUSH_MS: '1500', HOPWATCH_WORKER_CONCURRENCY: '100' });
    children.push(doomed);
    await enqueue(siteIds.slice(0, 50), slot);
    await waitFor(resultCount, (count) => count > 0, 20_000);
    const requestsBefore = target.requests;
    await enqueue(siteIds.slice(50), slot);
    await waitFor(async () => target.requests, (requests) => requests >= requestsBefore + 50, 10_000);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    const writtenBeforeCrash = await resultCount();
    expect(writtenBeforeCrash).toBeGreaterThan(0);
    expect(writtenBeforeCrash).toBeLessThan(200);
    expect(await queue.getActiveCount()).toBeGreaterThan(0);

    // A new worker takes over the stalled jobs once their locks lapse.
    children.push(startWorker(database.url, { HOPWATCH_WRITER_FLUSH_MS: '20' }));
    await waitFor(resultCount, (count) => count >= 200, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const perSlot = await db.query(
      `SELECT site_id, target, count(*)::int AS n FROM check_results GROUP BY site_id, target, region, slot`,
    );
    expect(perSlot.rows).toHaveLength(200);
    expect(perSlot.rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    expect(new Set(perSlot.rows.map((row: { site_id: string }) => row.site_id))).toEqual(new Set(siteIds));
    const completed = await queue.getJobs(['completed']);
    expect(completed.reduce((checks, batch) => checks + batch.data.checks.length, 0)).toBe(100);
  });
});
