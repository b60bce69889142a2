import 'reflect-metadata';
import type { PoolClient, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { addTotals, emptyTotals, LATENCY_BUCKET_THRESHOLDS_MS, TimeRange, UptimeTotals } from '@hopwatch/domain';
import { aResult, insertSite } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { CheckResultRepository } from '../checks/check-result.repository';
import { NewCheckResult } from '../checks/check-result.types';
import { dataSourceOptions } from '../data-source-options';
import { HistoryRepository } from './history.repository';
import { RangeSources, SeriesTotals } from './history.types';

const DAY0 = 1_699_920_000;
const H = 3_600;
const D = 86_400;
const none: TimeRange = { from: 0, to: 0 };

function onlyRaw(range: TimeRange): RangeSources {
  return { daily: none, hourly: [none, none], raw: [range, none] };
}

function bySeries(rows: SeriesTotals[]): Record<string, UptimeTotals> {
  const sums: Record<string, UptimeTotals> = {};
  for (const row of rows) sums[`${row.target}/${row.region}`] = addTotals(sums[`${row.target}/${row.region}`] ?? emptyTotals(), row.totals);
  return sums;
}

/** Three days of a mix every 5 minutes for two targets and two regions; latencies in whole ms keep sums exact. */
function mixedResults(siteId: string): NewCheckResult[] {
  const results: NewCheckResult[] = [];
  for (let slot = DAY0; slot < DAY0 + 3 * D; slot += 300) {
    const step = (slot - DAY0) / 300;
    for (const [target, region] of [['entry', 'eu'], ['entry', 'us'], ['app', 'eu'], ['app', 'us']]) {
      const kind = (step * 7 + target.length + region.charCodeAt(0)) % 13;
      if (kind === 0) results.push(aResult(siteId, slot, { target, region, ok: false, status: 502, totalMs: 40 }));
      else if (kind === 1) results.push(aResult(siteId, slot, { target, region, ok: false, status: null, errorCode: 'ETIMEDOUT', totalMs: 10_000 }));
      else if (kind === 2) results.push(aResult(siteId, slot, { target, region, ok: false, status: null, errorCode: 'MISSED', totalMs: 0 }));
      else results.push(aResult(siteId, slot, { target, region, totalMs: 20 + ((step * 37) % 900) }));
    }
  }
  return results;
}

describe('history repository', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let results: CheckResultRepository;
  let history: HistoryRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
    results = new CheckResultRepository(dataSource);
    history = new HistoryRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('find the same totals in daily rollups, hourly rollups and the raw results they came from', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 300, regions: ['eu', 'us'] });
    const mixed = mixedResults(siteId);
    for (let index = 0; index < mixed.length; index += 400) await results.insertMany(mixed.slice(index, index + 400));
    const range = { from: DAY0, to: DAY0 + 3 * D };
    const fromRaw = bySeries(await history.rangeTotals(siteId, onlyRaw(range)));
    const fromHours = bySeries(await history.rangeTotals(siteId, { daily: none, hourly: [range, none], raw: [none, none] }));
    const fromDays = bySeries(await history.rangeTotals(siteId, { daily: range, hourly: [none, none], raw: [none, none] }));
    expect(Object.keys(fromRaw).sort()).toEqual(['app/eu', 'app/us', 'entry/eu', 'entry/us']);
    expect(fromRaw['entry/eu'].checks + fromRaw['entry/eu'].missed).toBe(864);
    expect(fromRaw['entry/eu'].failed).toBeGreaterThan(0);
    expect(fromHours).toEqual(fromRaw);
    expect(fromDays).toEqual(fromRaw);
  });

  it('combine days, hours and raw edges of one range into the totals of the raw results alone', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 300, regions: ['eu', 'us'] });
    const mixed = mixedResults(siteId);
    for (let index = 0; index < mixed.length; index += 400) await results.insertMany(mixed.slice(index, index + 400));
    const from = DAY0 + 20 * H + 1_500;
    const to = DAY0 + 2 * D + 5 * H + 600;
    const parts: RangeSources = {
      daily: { from: DAY0 + D, to: DAY0 + 2 * D },
      hourly: [{ from: DAY0 + 21 * H, to: DAY0 + D }, { from: DAY0 + 2 * D, to: DAY0 + 2 * D + 5 * H }],
      raw: [{ from, to: DAY0 + 21 * H }, { from: DAY0 + 2 * D + 5 * H, to }],
    };
    expect(bySeries(await history.rangeTotals(siteId, parts))).toEqual(bySeries(await history.rangeTotals(siteId, onlyRaw({ from, to }))));
  });

  it('give a chart one row per bucket and region, 5-minute buckets from raw results', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 60, regions: ['eu', 'us'] });
    await results.insertMany([
      aResult(siteId, DAY0 + 60, { region: 'eu' }),
      aResult(siteId, DAY0 + 120, { region: 'eu', ok: false }),
      aResult(siteId, DAY0 + 360, { region: 'us' }),
      aResult(siteId, DAY0 + 360, { region: 'us', target: 'app' }),
    ]);
    const query = { siteId, target: 'entry', region: null, from: DAY0, to: DAY0 + H };
    const fiveMinutes = await history.series(query, 300);
    expect(fiveMinutes.map((row) => [row.bucketStart - DAY0, row.region, row.totals.checks, row.totals.downtimeSeconds]).sort()).toEqual([
      [0, 'eu', 2, 60],
      [300, 'us', 1, 0],
    ]);
    expect((await history.series({ ...query, region: 'us' }, 3_600)).map((row) => [row.bucketStart, row.totals.checks])).toEqual([[DAY0, 1]]);
    expect((await history.series({ ...query, target: 'app' }, 86_400)).map((row) => [row.bucketStart, row.totals.up])).toEqual([[DAY0, 1]]);
  });

  it('summarise a page of sites in one statement: newest entry check per region and 24 h / 30 d uptime', async () => {
    const now = Math.floor(Date.now() / 1000);
    const slot = now - (now % 60) - 60;
    const healthy = await insertSite(dataSource, { regions: ['eu', 'us'] });
    const failing = await insertSite(dataSource, { regions: ['eu', 'us'] });
    const silent = await insertSite(dataSource);
    const stale = await insertSite(dataSource);
    await results.insertMany([
      aResult(healthy, slot - 60, { region: 'eu', ok: false }),
      aResult(healthy, slot, { region: 'eu' }),
      aResult(healthy, slot, { region: 'us' }),
      aResult(healthy, slot - 5 * D, { region: 'eu', ok: false }),
      aResult(failing, slot, { region: 'eu' }),
      aResult(failing, slot, { region: 'us', ok: false }),
      aResult(failing, slot + 60, { region: 'us', ok: false, status: null, errorCode: 'MISSED' }),
      aResult(stale, slot - D),
    ]);
    const summaries = await history.siteSummaries([healthy, failing, silent, stale], now);
    expect(summaries.get(healthy)).toMatchObject({ latestEntryOk: [true, true], last24h: { checks: 3, up: 2 }, last30d: { checks: 4, up: 2 } });
    expect(summaries.get(failing)?.latestEntryOk.sort()).toEqual([false, true]);
    expect(summaries.get(silent)).toMatchObject({ latestEntryOk: [], last24h: { checks: 0, up: 0 }, last30d: { checks: 0, up: 0 } });
    expect(summaries.get(stale)).toMatchObject({ latestEntryOk: [], last30d: { checks: 1, up: 1 } });
  });

  it('serve every history query from an index, never a scan of a whole table', async () => {
    const siteId = await insertSite(dataSource);
    const range = { from: DAY0, to: DAY0 + D };
    const explain = async (sql: string, parameters: unknown[]) => {
      const runner = dataSource.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off');
        const rows: Array<{ 'QUERY PLAN': string }> = await runner.query(`EXPLAIN ${sql}`, parameters);
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
    };
    const statements = captureStatements(dataSource);
    await history.rangeTotals(siteId, { daily: range, hourly: [range, range], raw: [range, range] });
    await history.series({ siteId, target: 'entry', region: null, from: range.from, to: range.to }, 300);
    await history.series({ siteId, target: 'entry', region: 'default', from: range.from, to: range.to }, 3_600);
    await history.siteSummaries([siteId], DAY0);
    statements.stop();
    expect(statements.captured).toHaveLength(4);
    for (const { sql, parameters } of statements.captured) {
      expect(await explain(sql, parameters)).not.toMatch(/Seq Scan on (probe_results|probe_series|rollups_hourly|rollups_daily)/);
    }
    expect(LATENCY_BUCKET_THRESHOLDS_MS).toHaveLength(65);
  });
});

/** Records the named statements the history repository prepares, to EXPLAIN them afterwards. */
function captureStatements(dataSource: DataSource) {
  const captured: Array<{ sql: string; parameters: unknown[] }> = [];
  const driver = dataSource.driver as PostgresDriver;
  const original = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const [client, release] = (await original()) as [PoolClient, () => void];
    const recording = {
      query: (config: string | QueryConfig) => {
        if (typeof config === 'object' && config.name) captured.push({ sql: config.text, parameters: config.values ?? [] });
        return client.query(config as QueryConfig);
      },
    };
    return [recording, release];
  };
  return { captured, stop: () => void (driver.obtainMasterConnection = original) };
}
