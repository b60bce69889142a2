// On-disk cost of the history tables, measured on a fresh database of its own: healthy probes, then failing
// probes, written through the real insert, each figure the growth of every relation behind the tables (heap,
// TOAST, every index, free-space and visibility maps, all partitions) divided by the rows that caused it.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CheckResultRepository, dataSourceOptions, migrateDatabase, NewCheckResult, ResultPartitionRepository } from '@hopwatch/db';
import { insertSites } from './history-seed';

type Growth = { rows: number; bytesPerRow: number; rowsPerSecond: number };

export type StorageFigures = {
  /** Entry and two HTTP hops. */
  healthy: Growth;
  /** A DNS resolver check, which keeps its answer (diagnosis compares resolvers' answers). */
  healthyResolver: Growth;
  failing: Growth;
  rollupsHourly: { rows: number; bytesPerRow: number };
  rollupsDaily: { rows: number; bytesPerRow: number };
};

/** The tables raw results live in, before (check_results) and after (probe_results, probe_series, dns_answer_sets) they were compacted. */
export const RESULT_TABLES = ['check_results', 'probe_results', 'probe_series', 'dns_answer_sets'];
/** What each probe adds, and what a site adds once (its series, its host name's answer sets). */
export const PER_PROBE_TABLES = ['probe_results'];
export const PER_SITE_TABLES = ['probe_series', 'dns_answer_sets'];
const HTTP_TARGETS = ['entry', 'proxy', 'app'];
const RESOLVER_TARGETS = ['dns:192.0.2.53'];
const INTERVAL_SECONDS = 60;
const SLOTS_PER_BATCH = 200;

/** SQL: bytes of every relation behind the tables named in $1 that exist (partitions included). */
export const STORED_BYTES = `
  SELECT coalesce(sum(pg_total_relation_size(relation.oid)), 0)::float8 AS bytes FROM (
    SELECT class.oid FROM pg_class AS class WHERE class.relname = ANY($1::text[]) AND class.relkind = 'r'
    UNION SELECT tree.relid FROM pg_class AS class, pg_partition_tree(class.oid) AS tree
     WHERE class.relname = ANY($1::text[]) AND class.relkind = 'p') AS relation`;

export async function storedBytes(dataSource: DataSource, tables: string[]): Promise<number> {
  const [{ bytes }] = await dataSource.query(STORED_BYTES, [tables]);
  return bytes;
}

function resolverProbe(siteId: string, target: string, slot: number): NewCheckResult {
  return {
    ...probe(siteId, target, slot, false),
    kind: 'dns',
    status: null,
    timings: { dnsMs: 3.2, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 3.2 },
    remoteAddress: '192.0.2.53',
    headers: {},
    dns: { resolver: '192.0.2.53', hostname: 'shop.example.com', rcode: 'NOERROR', answers: ['203.0.113.10'], disagreement: false },
  };
}

function probe(siteId: string, target: string, slot: number, failing: boolean): NewCheckResult {
  return {
    siteId, slot, target, region: 'default', kind: 'http', ok: !failing,
    startedAt: new Date(slot * 1000 + 20).toISOString(),
    status: failing ? 502 : 200,
    errorCode: null,
    errorMessage: null,
    timings: { dnsMs: 2.1, connectMs: 5.3, tlsMs: target === 'entry' ? 20.4 : null, ttfbMs: 88.7, totalMs: 97.2 },
    remoteAddress: '10.0.0.10',
    headers: failing ? { server: 'nginx', 'content-type': 'text/html' } : { server: 'nginx', 'x-cache': 'MISS' },
    bodySnippet: failing ? '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>' : null,
    tls: null,
    dns: null,
    gateway: failing ? 'nginx' : null,
  };
}

/** Writes `slots` slots of every target of every site; returns the rows stored and the seconds spent. */
type Probes = { targets: string[]; make: (siteId: string, target: string, slot: number) => NewCheckResult };
const healthyHttp: Probes = { targets: HTTP_TARGETS, make: (siteId, target, slot) => probe(siteId, target, slot, false) };
const failingHttp: Probes = { targets: HTTP_TARGETS, make: (siteId, target, slot) => probe(siteId, target, slot, true) };
const healthyResolver: Probes = { targets: RESOLVER_TARGETS, make: resolverProbe };

async function writeProbes(results: CheckResultRepository, siteIds: string[], fromSlot: number, slots: number, probes: Probes) {
  let rows = 0;
  const started = process.hrtime.bigint();
  for (let first = 0; first < slots; first += SLOTS_PER_BATCH) {
    const batch: NewCheckResult[] = [];
    for (let index = first; index < Math.min(slots, first + SLOTS_PER_BATCH); index++) {
      const slot = fromSlot + index * INTERVAL_SECONDS;
      for (const siteId of siteIds) for (const target of probes.targets) batch.push(probes.make(siteId, target, slot));
    }
    rows += (await results.insertMany(batch)).length;
  }
  return { rows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function growth(dataSource: DataSource, tables: string[], write: () => Promise<{ rows: number; seconds: number }>) {
  const before = await storedBytes(dataSource, tables);
  const { rows, seconds } = await write();
  await dataSource.query('VACUUM ANALYZE');
  const bytes = (await storedBytes(dataSource, tables)) - before;
  return { rows, bytesPerRow: Math.round(bytes / rows), rowsPerSecond: Math.round(rows / seconds) };
}

async function rollupFigures(dataSource: DataSource, table: string) {
  const [{ rows }] = await dataSource.query(`SELECT count(*)::int AS rows FROM ${table}`);
  return { rows, bytesPerRow: rows === 0 ? 0 : Math.round((await storedBytes(dataSource, [table])) / rows) };
}

/** `days` of 60 s checks of an entry and two hops for `sites` sites, healthy, then a resolver check of theirs, then a day of failing checks of other sites. */
export async function measureStorage(server: string, sites: number, days: number): Promise<StorageFigures> {
  const database = `hopwatch_bench_storage_${randomUUID().slice(0, 8)}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const dataSource = await migrateDatabase(`${server}/${database}`).then(() => new DataSource(dataSourceOptions(`${server}/${database}`, 2)).initialize());
  try {
    const siteIds = await insertSites(dataSource, sites, INTERVAL_SECONDS);
    const results = new CheckResultRepository(dataSource);
    const now = Math.floor(Date.now() / 1000);
    const slots = (days * 86_400) / INTERVAL_SECONDS;
    const from = now - (now % 86_400) - days * 86_400;
    await new ResultPartitionRepository(dataSource).ensureDays(from, days + 1);
    const healthy = await growth(dataSource, RESULT_TABLES, () => writeProbes(results, siteIds, from, slots, healthyHttp));
    // Resolver and failing probes of other sites over the same days, so they pay for their own rows, not for new partitions.
    const resolver = await growth(dataSource, RESULT_TABLES, () => writeProbes(results, siteIds, from, slots, healthyResolver));
    const failingSites = await insertSites(dataSource, sites, INTERVAL_SECONDS);
    const failing = await growth(dataSource, RESULT_TABLES, () => writeProbes(results, failingSites, from, Math.min(slots, 1_440), failingHttp));
    return { healthy, healthyResolver: resolver, failing, rollupsHourly: await rollupFigures(dataSource, 'rollups_hourly'), rollupsDaily: await rollupFigures(dataSource, 'rollups_daily') };
  } finally {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    await admin.end();
  }
}
