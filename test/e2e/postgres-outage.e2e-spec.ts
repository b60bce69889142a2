// Checks go on through a Postgres outage: the scheduler (one of two) enqueues from memory under its Redis lease, the worker
// buffers results in Redis, and once Postgres is back every slot is stored once, none MISSED, and an incident that
// began during the outage opens with its real start and reaches a real webhook receiver.
import { Client } from 'pg';
import { ScheduledSite, slotLedger } from '@hopwatch/domain';
import { migrateDatabase } from '@hopwatch/db';
import { waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { HopwatchProcess, startHopwatch } from '../support/hopwatch-process';
import { PrivatePostgres, startPrivatePostgres } from '../support/postgres-server';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { answerOk, startTargetServer, TargetServer } from '../support/target-server';
import { TEST_ADMIN_KEY } from '../support/test-config';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

const INTERVAL = 5;
const OUTAGE_MS = 25_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

jest.setTimeout(5 * 60_000);

describe('checks through a Postgres outage', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let healthy: TargetServer;
  let failing: TargetServer;
  let receiver: WebhookReceiver;
  let databaseUrl: string;
  let api: string;
  const processes: HopwatchProcess[] = [];

  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };

  const post = async (path: string, body: unknown): Promise<Record<string, any>> => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, any>;
  };

  beforeAll(async () => {
    [postgres, redis, healthy, failing] = await Promise.all([startPrivatePostgres(), startPrivateRedis(), startTargetServer(), startTargetServer()]);
    databaseUrl = postgres.url.replace(/\/postgres$/, '/hopwatch_pg_outage');
    await migrateDatabase(databaseUrl);
    const port = await freePort();
    api = `http://127.0.0.1:${port}/api/v1`;
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, HOPWATCH_REDIS_PREFIX: 'hw-pg-outage', HOPWATCH_SHUTDOWN_TIMEOUT_MS: '3000', LOG_LEVEL: 'info' };
    const roles = [['api', { PORT: String(port), HOST: '127.0.0.1' }], ['scheduler', {}], ['scheduler', {}], ['worker', {}]] as const;
    for (const [role, extra] of roles) {
      const child = startHopwatch(role, { ...env, ...extra });
      processes.push(child);
      await child.started(60_000);
    }
  });

  afterAll(async () => {
    for (const child of processes) child.child.kill('SIGKILL');
    await Promise.all(processes.map((child) => child.exited()));
    await Promise.all([healthy.close(), failing.close(), receiver?.close()]);
    await Promise.all([postgres.remove(), redis.stop()]);
  });

  it('stores every slot once, none MISSED, and opens and alerts the incident that began during the outage', async () => {
    const hookPort = await freePort();
    const channel = await post('/alert-channels', { name: 'on-call', kind: 'webhook', url: `http://127.0.0.1:${hookPort}/hooks` });
    receiver = await startWebhookReceiver({ secret: channel.secret, port: hookPort });
    const site = (name: string, target: TargetServer, alertChannelIds: string[] = []) =>
      post('/sites', { name, url: target.url('/'), intervalSeconds: INTERVAL, timeoutMs: 2000, confirmations: 2, recoveries: 2, alertChannelIds });
    const sites = [await site('steady-1', healthy), await site('steady-2', healthy), await site('breaks-in-outage', failing, [channel.id])];
    const breaking = sites[2].id as string;
    await waitFor(() => sql(`SELECT DISTINCT site_id FROM check_results`), (rows) => rows.length === 3, 30_000);

    await postgres.stop();
    const outageStart = Date.now();
    await sleep(2 * INTERVAL * 1000);
    failing.respondWith((_request, response) => response.writeHead(502).end('bad gateway'));
    await sleep(OUTAGE_MS - 2 * INTERVAL * 1000);
    await postgres.start();
    const outageEnd = Date.now();

    const [incident] = await waitFor(() => sql<{ status: string; started_at: Date }>(`SELECT status, started_at FROM incidents WHERE site_id = $1`, [breaking]), (rows) => rows.length > 0, 60_000);
    expect(incident.status).toBe('open');
    expect(incident.started_at.getTime()).toBeGreaterThan(outageStart + 2 * INTERVAL * 1000 - 1_000);
    expect(incident.started_at.getTime()).toBeLessThan(outageEnd);
    const opened = await waitFor(async () => receiver.accepted().filter((hook) => hook.type === 'incident.opened'), (hooks) => hooks.length > 0, 60_000);
    expect(opened).toHaveLength(1);

    await sleep(3 * INTERVAL * 1000);
    failing.respondWith(answerOk);
    const stored = await sql<{ site_id: string; slot: number; missed: boolean }>(
      `SELECT site_id, extract(epoch FROM slot)::bigint AS slot, error_code = 'MISSED' AS missed FROM check_results WHERE target = 'entry'`,
    );
    const grid: ScheduledSite[] = sites.map((entry) => ({
      siteId: entry.id,
      intervalSeconds: INTERVAL,
      firstSlot: Math.min(...stored.filter((row) => row.site_id === entry.id).map((row) => Number(row.slot))),
    }));
    const lastSlot = Math.floor(Date.now() / 1000) - 2 * INTERVAL;
    const ledger = slotLedger(grid, stored.map((row) => ({ siteId: row.site_id, slot: Number(row.slot), missed: row.missed })), lastSlot);
    expect(ledger).toMatchObject({ missed: 0, lost: 0, duplicates: 0 });
    // The outage spans about five slots of each site; all of them were checked.
    expect(ledger.stored).toBeGreaterThanOrEqual(3 * Math.floor((lastSlot * 1000 - outageStart) / 1000 / INTERVAL));
    expect(await sql(`SELECT 1 FROM check_results WHERE error_code = 'MISSED'`)).toEqual([]);
    // The leader kept its lease through the outage; the standby, which took the advisory lock meanwhile or not, never led.
    const schedulers = processes.slice(1, 3).map((child) => child.output().split('became the active scheduler').length - 1);
    expect(schedulers.sort()).toEqual([0, 1]);
  });
});
