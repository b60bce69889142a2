// `npm run bench:history`: seeds 90 days of 30 s checks for one site with two hops through the real insert
// (hourly rollups built by the real statement, its days' daily rollups by the real day close, raw results then
// purged to the retention period by the real purge)
// and 1,000 sites with 30 days of rollups, then times the history queries through the real services and
// over HTTP. Prints one JSON summary; progress goes to stderr.
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CheckResultRepository, dataSourceOptions, DayCloseRepository, HistoryRepository, migrateDatabase, ResultPartitionRepository } from '@hopwatch/db';
import { DAY_SECONDS, HOUR_SECONDS } from '@hopwatch/domain';
import { loadConfig } from '@hopwatch/platform';
import { createApiApp } from '../apps/api/src/create-api-app';
import { HistoryService } from '../apps/api/src/history/history.service';
import { SitesController } from '../apps/api/src/sites/sites.controller';
import { insertRollups, insertSites, writeHistory } from './support/history-seed';
import { measureStorage, RESULT_TABLES, storedBytes } from './support/storage-figures';
import { time, Timing } from './support/timing';

const SERVER = process.env.HOPWATCH_BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE_URL = `${SERVER}/hopwatch_bench_history`;
const ADMIN_KEY = 'hw_bench_admin_key_0123456789abcdef';
const RETENTION_DAYS = 30;
const LIST_SITES = 1_000;
const STORAGE_SITES = Number(process.env.HOPWATCH_BENCH_STORAGE_SITES ?? 10);
const STORAGE_DAYS = Number(process.env.HOPWATCH_BENCH_STORAGE_DAYS ?? 3);

const log = (message: string) => process.stderr.write(`[bench:history] ${message}\n`);
const seconds = (startedMs: number) => Math.round((Date.now() - startedMs) / 100) / 10;

async function resetDatabase(): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS hopwatch_bench_history WITH (FORCE)');
  await admin.end();
  await migrateDatabase(DATABASE_URL);
}

async function seedMainSite(dataSource: DataSource, now: number) {
  const [siteId] = await insertSites(dataSource, 1, 30);
  const to = now - (now % 30);
  // Housekeeping would have created each day's partition ahead of it.
  await new ResultPartitionRepository(dataSource).ensureDays(to - 90 * DAY_SECONDS, 91);
  const started = Date.now();
  let lastReport = 0;
  const written = await writeHistory(new CheckResultRepository(dataSource), siteId, { from: to - 90 * DAY_SECONDS, to, intervalSeconds: 30 }, 2_000, (count) => {
    if (count - lastReport >= 100_000) log(`${(lastReport = count)} raw results written`);
  });
  const seedSeconds = seconds(started);
  // Every day written is before today, so each marked itself dirty: the scheduler rebuilds them within a minute.
  const rebuildStarted = Date.now();
  const days = new DayCloseRepository(dataSource);
  while ((await days.rebuildDirtyDays(500)) > 0);
  const dailyRebuildSeconds = seconds(rebuildStarted);
  await dataSource.query('VACUUM ANALYZE');
  const bytes = await storedBytes(dataSource, RESULT_TABLES);
  const purgeStarted = Date.now();
  const cutoff = now - RETENTION_DAYS * DAY_SECONDS;
  const [{ n: purged }] = await dataSource.query(`SELECT count(*)::int AS n FROM check_results WHERE slot < to_timestamp($1)`, [cutoff - (cutoff % DAY_SECONDS)]);
  const dropped = await new ResultPartitionRepository(dataSource).dropDaysBefore(cutoff);
  return {
    siteId,
    written,
    seedSeconds,
    dailyRebuildSeconds,
    bytesPerRawResult: Math.round(bytes / written),
    purged,
    daysDropped: dropped.length,
    purgeSeconds: seconds(purgeStarted),
  };
}

async function seedListSites(dataSource: DataSource, now: number) {
  const started = Date.now();
  const ids = await insertSites(dataSource, LIST_SITES, 60);
  const hourStart = now - (now % HOUR_SECONDS);
  for (let index = 0; index < ids.length; index += 100) {
    await insertRollups(dataSource, ids.slice(index, index + 100), hourStart - 30 * DAY_SECONDS, hourStart);
  }
  // Their current hour goes through the real insert: the newest raw results give each site its state.
  const slot = now - (now % 60);
  const results = new CheckResultRepository(dataSource);
  for (let index = 0; index < ids.length; index += 100) {
    const batch = ids.slice(index, index + 100).flatMap((siteId) =>
      [0, 1, 2, 3, 4].map((back) => slotResult(siteId, Math.max(hourStart, slot - back * 60))),
    );
    await results.insertMany(batch);
  }
  return { ids, seedSeconds: seconds(started) };
}

function slotResult(siteId: string, slot: number) {
  return {
    siteId, slot, region: 'default', target: 'entry', kind: 'http' as const, ok: true, startedAt: new Date(slot * 1000).toISOString(),
    status: 200, errorCode: null, errorMessage: null, timings: { dnsMs: 1, connectMs: 2, tlsMs: 5, ttfbMs: 90, totalMs: 100 },
    remoteAddress: '10.0.0.10', headers: {}, bodySnippet: null, tls: null, dns: null, gateway: null,
  };
}

async function tableSizes(dataSource: DataSource) {
  const sizes: Record<string, { rows: number; megabytes: number }> = {};
  for (const [table, stored] of [['check_results', RESULT_TABLES], ['rollups_hourly', ['rollups_hourly']], ['rollups_daily', ['rollups_daily']]] as const) {
    const [row] = await dataSource.query(`SELECT count(*)::float8 AS rows FROM ${table}`);
    sizes[table] = { rows: row.rows, megabytes: Math.round((await storedBytes(dataSource, [...stored])) / 1e5) / 10 };
  }
  return sizes;
}

async function timeQueries(app: INestApplication, siteId: string, listIds: string[]): Promise<Record<string, Timing>> {
  const history = app.get(HistoryService);
  const sites = app.get(SitesController);
  const repository = app.get(HistoryRepository);
  const base = await app.getUrl();
  const get = (path: string) =>
    fetch(`${base.replace('[::1]', '127.0.0.1')}${path}`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } }).then(async (response) => {
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return response.json();
    });
  const listPages = () => Promise.all([sites.list({ limit: 500, offset: 0 }), sites.list({ limit: 500, offset: 500 })]);
  return {
    uptime90d: await time(200, () => history.uptime(siteId, { window: '90d' })),
    uptime30d: await time(200, () => history.uptime(siteId, { window: '30d' })),
    uptime24h: await time(200, () => history.uptime(siteId, { window: '24h' })),
    series30d1h: await time(100, () => history.series(siteId, { window: '30d', bucket: '1h' })),
    series24h5m: await time(100, () => history.series(siteId, { window: '24h', bucket: '5m' })),
    siteSummaries1000: await time(50, () => repository.siteSummaries(listIds, Date.now() / 1000)),
    siteList1000: await time(30, listPages),
    httpUptime90d: await time(100, () => get(`/api/v1/sites/${siteId}/uptime?window=90d`)),
    httpSeries30d1h: await time(50, () => get(`/api/v1/sites/${siteId}/uptime/series?window=30d&bucket=1h`)),
    httpSiteList1000: await time(20, () => Promise.all([get('/api/v1/sites?limit=500&offset=0'), get('/api/v1/sites?limit=500&offset=500')])),
  };
}

async function seed(): Promise<{ main: Awaited<ReturnType<typeof seedMainSite>>; list: Awaited<ReturnType<typeof seedListSites>> }> {
  await resetDatabase();
  const dataSource = await new DataSource(dataSourceOptions(DATABASE_URL, 4)).initialize();
  try {
    const now = Math.floor(Date.now() / 1000);
    log('seeding 90 days of 30 s checks (entry + 2 hops) through the real insert');
    const main = await seedMainSite(dataSource, now);
    log(`seeding ${LIST_SITES} sites with 30 days of rollups`);
    const list = await seedListSites(dataSource, now);
    await dataSource.query('VACUUM ANALYZE');
    return { main, list };
  } finally {
    await dataSource.destroy();
  }
}

/** `--reuse`: time again against the last seeded database (its newest raw results age, so site states may read unknown). */
async function reuse(): Promise<{ main: { siteId: string }; list: { ids: string[] } }> {
  const dataSource = await new DataSource(dataSourceOptions(DATABASE_URL, 1)).initialize();
  try {
    const [main] = await dataSource.query('SELECT id FROM sites WHERE interval_seconds = 30');
    const list: Array<{ id: string }> = await dataSource.query('SELECT id FROM sites WHERE interval_seconds = 60');
    return { main: { siteId: main.id }, list: { ids: list.map((site) => site.id) } };
  } finally {
    await dataSource.destroy();
  }
}

async function sizes() {
  const dataSource = await new DataSource(dataSourceOptions(DATABASE_URL, 1)).initialize();
  try {
    return await tableSizes(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function storage() {
  log(`measuring storage: ${STORAGE_SITES} sites, entry and two hops, ${STORAGE_DAYS} days of 60 s checks`);
  return measureStorage(SERVER, STORAGE_SITES, STORAGE_DAYS);
}

async function main(): Promise<void> {
  if (process.argv.includes('--storage')) {
    process.stdout.write(`${JSON.stringify({ storage: await storage() })}\n`);
    return;
  }
  const seeded = process.argv.includes('--reuse') ? null : await seed();
  const { main: mainSite, list: listSites } = seeded ?? (await reuse());
  const tables = await sizes();

  const config = loadConfig({ DATABASE_URL, HOPWATCH_ADMIN_KEY: ADMIN_KEY, HOPWATCH_REDIS_PREFIX: 'hopwatch-bench-history', LOG_LEVEL: 'warn' });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  log('timing queries');
  const queries = await timeQueries(app, mainSite.siteId, listSites.ids);
  await app.close();
  const targets = { uptime90dUnder20ms: queries.uptime90d.medianMs < 20, siteList1000Under200ms: queries.siteList1000.medianMs < 200, series30d1hUnder30ms: queries.series30d1h.medianMs < 30 };
  const seeding = seeded && {
    rawResultsWritten: seeded.main.written,
    rawSeedSeconds: seeded.main.seedSeconds,
    dailyRebuildSeconds: seeded.main.dailyRebuildSeconds,
    rawPurgedToRetention: seeded.main.purged,
    rawDaysDropped: seeded.main.daysDropped,
    purgeSeconds: seeded.main.purgeSeconds,
    listSitesSeedSeconds: seeded.list.seedSeconds,
  };
  const storageFigures = await storage();
  process.stdout.write(`${JSON.stringify({ seed: seeding, bytesPerRawResult: seeded?.main.bytesPerRawResult ?? null, storage: storageFigures, tables, queries, targets })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
