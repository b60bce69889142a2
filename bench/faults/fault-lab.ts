// What one fault scenario runs on: a private Postgres and Redis (never the shared ones), a loopback target,
// the alert lab (receivers and a flapping origin), a fresh database per scenario, and the real hopwatch processes.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { firstSlotFor, ScheduledSite } from '@hopwatch/domain';
import { migrateDatabase } from '@hopwatch/db';
import { HopwatchProcess, Role, startHopwatch } from '../../test/support/hopwatch-process';
import { PrivatePostgres, startPrivatePostgres } from '../../test/support/postgres-server';
import { PrivateRedis, startPrivateRedis } from '../../test/support/redis-server';
import { startTargetServer, TargetServer } from '../../test/support/target-server';
import { AlertChannels, AlertLab, openAlertLab } from './alert-lab';

const TEMPLATE = 'hopwatch_faults_template';
/** The shortest flap window a site may have (DETECTION_LIMITS). */
const FLAP_WINDOW_MINUTES = 5;
/** Sites on the flapping origin, beside the steady fleet. */
const FLAPPING_SITES = 4;

export type FaultLab = {
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  target: TargetServer;
  alerts: AlertLab;
  close(): Promise<void>;
};

export async function openFaultLab(): Promise<FaultLab> {
  const [postgres, redis, target, alerts] = await Promise.all([startPrivatePostgres(), startPrivateRedis(), startTargetServer(), openAlertLab()]);
  await migrateDatabase(postgres.url.replace(/\/postgres$/, `/${TEMPLATE}`));
  return {
    postgres,
    redis,
    target,
    alerts,
    async close() {
      await Promise.all([target.close(), alerts.close()]);
      await Promise.all([postgres.remove(), redis.stop()]);
    },
  };
}

/** One scenario's database and processes. */
export class ScenarioRun {
  readonly processes: Array<{ role: Role; process: HopwatchProcess }> = [];
  sites: ScheduledSite[] = [];
  /** The sites on the flapping origin: part of the slot ledger, not of the time to recover. */
  readonly flappingSiteIds = new Set<string>();

  private constructor(
    readonly lab: FaultLab,
    readonly databaseUrl: string,
    readonly channels: AlertChannels,
  ) {}

  static async prepare(lab: FaultLab): Promise<ScenarioRun> {
    const name = `hopwatch_fault_${randomUUID().slice(0, 8)}`;
    await withClient(lab.postgres.url, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
    await lab.redis.flushAll();
    const databaseUrl = lab.postgres.url.replace(/\/postgres$/, `/${name}`);
    return new ScenarioRun(lab, databaseUrl, await lab.alerts.prepare(databaseUrl));
  }

  /** Adds the sites once the processes run, their first slots a few seconds ahead, so start-up time costs no slot. */
  async seed(siteCount: number, intervalSeconds: number): Promise<void> {
    const startMs = Date.now() + 3_000;
    const sites = Array.from({ length: siteCount + FLAPPING_SITES }, (_, index) => {
      const siteId = randomUUID();
      const steady = index < siteCount;
      const url = steady ? this.lab.target.url('/') : this.lab.alerts.origin.url('/');
      // A long fault makes the flapping sites' incidents flap, and a flapping incident is held open until its flips
      // leave the flap window: the shortest window (5 min) lets the run settle minutes after the fault, not an hour.
      const detection = steady ? {} : { flapWindowMinutes: FLAP_WINDOW_MINUTES };
      return { siteId, firstSlot: firstSlotFor(siteId, intervalSeconds, startMs), intervalSeconds, url, detection };
    });
    await withClient(this.databaseUrl, (client) =>
      client.query(
        `INSERT INTO sites (id, name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                            alert_channel_ids, confirmations, recoveries, paused, next_run_at, detection)
         SELECT id, 'fault-' || id, url, 'GET', $4, 2000, '200', '{default}', '{}', '{faults}', '{}', 2, 2, false, next_run_at, detection::jsonb
           FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $5::text[]) AS seeded(id, next_run_at, url, detection)`,
        [
          sites.map((site) => site.siteId),
          sites.map((site) => new Date(site.firstSlot * 1000).toISOString()),
          sites.map((site) => site.url),
          intervalSeconds,
          sites.map((site) => JSON.stringify(site.detection)),
        ],
      ),
    );
    this.sites = sites.map(({ siteId, firstSlot }) => ({ siteId, firstSlot, intervalSeconds }));
    for (const site of sites.slice(siteCount)) this.flappingSiteIds.add(site.siteId);
  }

  async start(role: Role): Promise<HopwatchProcess> {
    const process = startHopwatch(role, {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.lab.redis.url,
      HOPWATCH_REDIS_PREFIX: 'hopwatch-faults',
      HOPWATCH_SHUTDOWN_TIMEOUT_MS: '5000',
      ...this.lab.alerts.processEnv(),
    });
    this.processes.push({ role, process });
    await process.started(60_000);
    return process;
  }

  /** Entry results in the run, for the checker. */
  async storedSlots(): Promise<Array<{ siteId: string; slot: number; missed: boolean; ok: boolean; startedAt: number }>> {
    const { rows } = await withClient(this.databaseUrl, (client) =>
      client.query(
        `SELECT site_id, extract(epoch FROM slot)::bigint AS slot, error_code = 'MISSED' AS missed, ok,
                extract(epoch FROM started_at) * 1000 AS started_at
           FROM check_results WHERE target = 'entry'`,
      ),
    );
    return rows.map((row) => ({ siteId: row.site_id, slot: Number(row.slot), missed: row.missed === true, ok: row.ok, startedAt: Number(row.started_at) }));
  }

  async stop(): Promise<void> {
    for (const { process } of this.processes) if (process.child.exitCode === null) process.child.kill('SIGTERM');
    await Promise.all(this.processes.map(({ process }) => process.exited()));
    const name = this.databaseUrl.slice(this.databaseUrl.lastIndexOf('/') + 1);
    await withClient(this.lab.postgres.url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

/** One short-lived connection for one piece of work. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
