import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { downtimeSeconds } from '@hopwatch/domain';
import { aResult, insertSite, resultsFor } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { CheckResultRepository } from '../checks/check-result.repository';
import { dataSourceOptions } from '../data-source-options';
import { dailyRollupRows } from './daily-rollups.sql';
import { DayCloseRepository } from './day-close.repository';
import { packHistogram } from './packed-histogram';

// Midnight UTC, 14 Nov 2023: the hour and day buckets of the cases start at round numbers.
const DAY0 = 1_699_920_000;
const H = 3_600;

describe('rollups kept by the raw insert and the day close', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let results: CheckResultRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 4)).initialize();
    results = new CheckResultRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const rollup = (table: string, siteId: string, bucketStart: number, target = 'entry') =>
    dataSource
      .query(`SELECT * FROM ${table} WHERE site_id = $1 AND bucket_start = to_timestamp($2) AND target = $3`, [siteId, bucketStart, target])
      .then((rows) => rows[0]);

  /**
   * A day of one target as the history reads see it now (summed from its hours: every day here is long past, so
   * each result marked its day dirty), then its stored row once the day close has rebuilt it.
   */
  const daySeenThenStored = async (siteId: string, dayStart: number, target = 'entry') => {
    const read = `SELECT * FROM ${dailyRollupRows({ site: '$1', from: 'to_timestamp($2)', to: "to_timestamp($2) + interval '1 day'", target: '$3::varchar' })}`;
    const seen = await dataSource.query(read, [siteId, dayStart, target]);
    expect(seen).toHaveLength(1);
    await new DayCloseRepository(dataSource).rebuildDirtyDays(1_000);
    expect(await dataSource.query(`SELECT 1 FROM rollup_dirty_days WHERE site_id = $1`, [siteId])).toEqual([]);
    return [seen[0], await rollup('rollups_daily', siteId, dayStart, target)];
  };

  it('count an hour of checks as worked out by hand: up, failed, 5xx, 502, timeouts, latency, downtime', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 60 });
    const hour = DAY0 + 10 * H;
    await results.insertMany([
      aResult(siteId, hour, { totalMs: 10 }),
      aResult(siteId, hour + 60, { totalMs: 20 }),
      aResult(siteId, hour + 120, { totalMs: 30 }),
      aResult(siteId, hour + 180, { ok: false, status: 502, totalMs: 15 }),
      aResult(siteId, hour + 240, { ok: false, status: 503, totalMs: 12 }),
      aResult(siteId, hour + 300, { ok: false, status: null, errorCode: 'ETIMEDOUT', totalMs: 10_000 }),
      aResult(siteId, hour + 360, { totalMs: 1_000 }),
      aResult(siteId, hour + 420, { ok: false, status: null, errorCode: 'MISSED', totalMs: 0 }),
    ]);
    const expected = {
      checks: 7,
      up: 4,
      failed: 3,
      missed: 1,
      status_5xx: 2,
      status_502: 1,
      status_503: 1,
      status_504: 0,
      timeouts: 1,
      // successful checks only: 10 + 20 + 30 + 1000
      latency_sum_ms: 1_060,
      // three failing checks × 60 s
      downtime_seconds: 180,
      // 10 ms → bucket 14, 20 ms → 18, 30 ms → 20, 1000 ms → 40 (bucket i holds [2^((i-1)/4), 2^(i/4)) ms)
      latency_histogram: packHistogram({ '14': 1, '18': 1, '20': 1, '40': 1 }),
      status_counts: { '200': 4, '502': 1, '503': 1, ETIMEDOUT: 1 },
    };
    expect(await rollup('rollups_hourly', siteId, hour)).toMatchObject(expected);
    for (const day of await daySeenThenStored(siteId, DAY0)) expect(day).toMatchObject(expected);
  });

  it('store the downtime the domain’s definition gives for a regular sequence of checks', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 30 });
    const marks = '++--+-----+++-+--+++---'.repeat(20);
    const sequence = resultsFor(siteId, DAY0 + 20 * H, 30, marks);
    await results.insertMany(sequence);
    const [{ downtime }] = await dataSource.query(
      `SELECT sum(downtime_seconds)::int AS downtime FROM rollups_hourly WHERE site_id = $1 AND target = 'entry'`,
      [siteId],
    );
    expect(downtime).toBe(downtimeSeconds(sequence.map((result) => ({ slot: result.slot, ok: result.ok })), 30));
    expect(downtime).toBe(13 * 20 * 30);
  });

  it('count a result written twice once, in one batch or in two', async () => {
    const siteId = await insertSite(dataSource);
    const [first, second, third] = resultsFor(siteId, DAY0 + H, 60, '+-+');
    expect(await results.insertMany([first, second])).toHaveLength(2);
    expect(await results.insertMany([first, second, third, third])).toHaveLength(1);
    expect(await rollup('rollups_hourly', siteId, DAY0 + H)).toMatchObject({ checks: 3, up: 2, failed: 1, downtime_seconds: 60 });
    for (const day of await daySeenThenStored(siteId, DAY0)) expect(day).toMatchObject({ checks: 3, up: 2, failed: 1, status_counts: { '200': 2, '502': 1 } });
  });

  it('count the same results once when two writers race with them', async () => {
    const siteId = await insertSite(dataSource);
    const batch = resultsFor(siteId, DAY0 + 5 * H, 30, '+'.repeat(100));
    const [a, b] = await Promise.all([results.insertMany(batch), results.insertMany(batch)]);
    expect(a.length + b.length).toBe(100);
    expect(await rollup('rollups_hourly', siteId, DAY0 + 5 * H)).toMatchObject({ checks: 100, up: 100 });
  });

  it('put a late result in the hour and the day of its own slot', async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, DAY0 + 3 * H, 60, '++'));
    await results.insertMany([aResult(siteId, DAY0 + H + 120, { ok: false }), aResult(siteId, DAY0 - 60, { ok: false })]);
    expect(await rollup('rollups_hourly', siteId, DAY0 + H)).toMatchObject({ checks: 1, failed: 1 });
    expect(await rollup('rollups_hourly', siteId, DAY0 + 3 * H)).toMatchObject({ checks: 2, up: 2 });
    for (const day of await daySeenThenStored(siteId, DAY0)) expect(day).toMatchObject({ checks: 3, up: 2, failed: 1 });
    for (const day of await daySeenThenStored(siteId, DAY0 - 86_400)) expect(day).toMatchObject({ checks: 1, failed: 1, downtime_seconds: 60 });
  });

  it('keep targets and regions apart', async () => {
    const siteId = await insertSite(dataSource, { regions: ['eu', 'us'] });
    await results.insertMany([
      aResult(siteId, DAY0, { region: 'eu' }),
      aResult(siteId, DAY0, { region: 'us', ok: false }),
      aResult(siteId, DAY0, { region: 'eu', target: 'app', ok: false, status: 504 }),
    ]);
    const rows = await dataSource.query(
      `SELECT target, region, checks, failed, status_504 FROM rollups_hourly WHERE site_id = $1 ORDER BY target, region`,
      [siteId],
    );
    expect(rows).toEqual([
      { target: 'app', region: 'eu', checks: 1, failed: 1, status_504: 1 },
      { target: 'entry', region: 'eu', checks: 1, failed: 0, status_504: 0 },
      { target: 'entry', region: 'us', checks: 1, failed: 1, status_504: 0 },
    ]);
  });

  it('delete a site’s rollups and dirty marks with the site', async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany([aResult(siteId, DAY0), aResult(siteId, DAY0 + 86_400)]);
    await new DayCloseRepository(dataSource).rebuildDirtyDays(1);
    await dataSource.query('DELETE FROM sites WHERE id = $1', [siteId]);
    expect(
      await dataSource.query(
        `SELECT 1 FROM rollups_hourly WHERE site_id = $1 UNION ALL SELECT 1 FROM rollups_daily WHERE site_id = $1
         UNION ALL SELECT 1 FROM rollup_dirty_days WHERE site_id = $1`,
        [siteId],
      ),
    ).toEqual([]);
  });
});
