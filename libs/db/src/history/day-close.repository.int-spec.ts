import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { aResult, insertSite, resultsFor } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { CheckResultRepository } from '../checks/check-result.repository';
import { dataSourceOptions } from '../data-source-options';
import { dailyRollupRows } from './daily-rollups.sql';
import { DayCloseRepository } from './day-close.repository';

const D = 86_400;
const H = 3_600;
const today = () => Math.floor(Date.now() / 1000 / D) * D;

describe('daily rollups built when their day closes', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let results: CheckResultRepository;
  let days: DayCloseRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 6)).initialize();
    results = new CheckResultRepository(dataSource);
    days = new DayCloseRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(async () => {
    await dataSource.query(`UPDATE rollup_progress SET days_closed_before = to_timestamp($1), hourly_kept_since = '-infinity'`, [today()]);
  });

  const marks = (siteId: string) =>
    dataSource.query(`SELECT extract(epoch FROM day)::int AS day FROM rollup_dirty_days WHERE site_id = $1 ORDER BY day`, [siteId]).then((rows) => rows.map((row: { day: number }) => row.day));
  const stored = (table: 'rollups_hourly' | 'rollups_daily', siteId: string) =>
    dataSource.query(`SELECT extract(epoch FROM bucket_start)::int AS start, checks, up FROM ${table} WHERE site_id = $1 ORDER BY 1`, [siteId]);
  /** Checks and up per day of the entry target, as the history reads see them. */
  const seen = (siteId: string, from: number, to: number) =>
    dataSource.query(
      `SELECT extract(epoch FROM bucket_start)::int AS start, checks, up
         FROM ${dailyRollupRows({ site: '$1', from: 'to_timestamp($2)', to: 'to_timestamp($3)', target: "'entry'" })} ORDER BY 1`,
      [siteId, from, to],
    );

  it('start at the migration with today not closed and nothing purgeable', async () => {
    const fresh = await createTestDatabase();
    const other = await new DataSource(dataSourceOptions(fresh.url, 1)).initialize();
    try {
      expect(await new DayCloseRepository(other).progress()).toEqual({ daysClosedBefore: today(), hourlyKeptSince: -Infinity });
    } finally {
      await other.destroy();
      await fresh.drop();
    }
  });

  it('leave the daily rows to the day close: a result of today marks nothing, one of an earlier day marks its day', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 60 });
    await results.insertMany([aResult(siteId, today() + 60), aResult(siteId, today() - D + 60), aResult(siteId, today() - 3 * D, { ok: false })]);
    expect(await stored('rollups_daily', siteId)).toEqual([]);
    expect(await marks(siteId)).toEqual([today() - 3 * D, today() - D]);
    expect(await seen(siteId, today() - 5 * D, today() + D)).toEqual([
      { start: today() - 3 * D, checks: 1, up: 0 },
      { start: today() - D, checks: 1, up: 1 },
      { start: today(), checks: 1, up: 1 },
    ]);
  });

  it('put a result older than the hourly rollups kept straight into its daily row, without an hour or a mark', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 60 });
    await days.keepHourlySince(today() - 10 * D);
    expect((await days.progress()).hourlyKeptSince).toBe(today() - 10 * D);
    await results.insertMany([...resultsFor(siteId, today() - 20 * D, 60, '+-+'), aResult(siteId, today() - 20 * D + 600)]);
    expect(await stored('rollups_hourly', siteId)).toEqual([]);
    expect(await marks(siteId)).toEqual([]);
    expect(await stored('rollups_daily', siteId)).toEqual([{ start: today() - 20 * D, checks: 4, up: 3 }]);
    expect(await seen(siteId, today() - 30 * D, today())).toEqual([{ start: today() - 20 * D, checks: 4, up: 3 }]);
  });

  it('put a result older than the hourly limit into its hours when its day is still marked, so the rebuild counts it', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: 60 });
    const day = today() - 20 * D;
    await results.insertMany(resultsFor(siteId, day + H, 60, '++'));
    expect(await marks(siteId)).toEqual([day]);
    // The limit passes the day before its rebuild: its hours stay, kept by the mark.
    await days.keepHourlySince(today() - 10 * D);
    await results.insertMany([aResult(siteId, day + 2 * H, { ok: false })]);
    expect(await stored('rollups_daily', siteId)).toEqual([]);
    await days.rebuildDirtyDays(1_000);
    expect(await stored('rollups_daily', siteId)).toEqual([{ start: day, checks: 3, up: 2 }]);
    // Once rebuilt and no longer marked, a result that old goes straight into the daily row.
    await results.insertMany([aResult(siteId, day + 3 * H)]);
    expect(await stored('rollups_daily', siteId)).toEqual([{ start: day, checks: 4, up: 3 }]);
    expect(await marks(siteId)).toEqual([]);
  });

  it('move the hourly limit forward only, and never past the days closed', async () => {
    await days.keepHourlySince(today() - 5 * D);
    await days.keepHourlySince(today() - 8 * D);
    expect((await days.progress()).hourlyKeptSince).toBe(today() - 5 * D);
    await days.keepHourlySince(today() + 3 * D);
    expect((await days.progress()).hourlyKeptSince).toBe(today());
  });

  it('close a day for every site, page by page, without changing what the reads see, and only once', async () => {
    const day = today() - 2 * D;
    await dataSource.query(`UPDATE rollup_progress SET days_closed_before = to_timestamp($1)`, [day]);
    const sites = [await insertSite(dataSource), await insertSite(dataSource), await insertSite(dataSource)];
    for (const siteId of sites) await results.insertMany(resultsFor(siteId, day + H, 3_600, '++-+'));
    // As if written on time: nothing marked, the day not closed yet.
    await dataSource.query(`DELETE FROM rollup_dirty_days`);
    const before = await Promise.all(sites.map((siteId) => seen(siteId, day - D, day + D)));
    expect(before[0]).toEqual([{ start: day, checks: 4, up: 3 }]);

    expect(await days.closeDay(day, { sitesPerPage: 2, stopping: () => false })).toBe(true);

    expect((await days.progress()).daysClosedBefore).toBe(day + D);
    for (const siteId of sites) expect(await stored('rollups_daily', siteId)).toEqual([{ start: day, checks: 4, up: 3 }]);
    expect(await Promise.all(sites.map((siteId) => seen(siteId, day - D, day + D)))).toEqual(before);
    // A second scheduler closing the same day rewrites the same rows and does not move the progress twice.
    expect(await days.closeDay(day, { sitesPerPage: 2, stopping: () => false })).toBe(true);
    expect((await days.progress()).daysClosedBefore).toBe(day + D);
    expect(await stored('rollups_daily', sites[0])).toEqual([{ start: day, checks: 4, up: 3 }]);
  });

  it('leave a day open when stopped part way', async () => {
    const day = today() - 2 * D;
    await dataSource.query(`UPDATE rollup_progress SET days_closed_before = to_timestamp($1)`, [day]);
    let pages = 0;
    expect(await days.closeDay(day, { sitesPerPage: 1, stopping: () => ++pages > 1 })).toBe(false);
    expect((await days.progress()).daysClosedBefore).toBe(day);
  });

  it('count a late result of a closed day from its hours until its day is rebuilt, then from the rebuilt row', async () => {
    const day = today() - 2 * D;
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, day + H, 3_600, '+++'));
    await days.rebuildDirtyDays(1_000);
    expect(await stored('rollups_daily', siteId)).toEqual([{ start: day, checks: 3, up: 3 }]);

    await results.insertMany([aResult(siteId, day + 20 * H, { ok: false })]);
    expect(await stored('rollups_daily', siteId)).toEqual([{ start: day, checks: 3, up: 3 }]);
    expect(await seen(siteId, day, day + D)).toEqual([{ start: day, checks: 4, up: 3 }]);

    expect(await days.rebuildDirtyDays(1_000)).toBe(1);
    expect(await stored('rollups_daily', siteId)).toEqual([{ start: day, checks: 4, up: 3 }]);
    expect(await seen(siteId, day, day + D)).toEqual([{ start: day, checks: 4, up: 3 }]);
    expect(await marks(siteId)).toEqual([]);
  });

  it('rebuild a dirty day only after a writer still holding its mark has committed, and then with its hours', async () => {
    const day = today() - 2 * D;
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, day + H, 3_600, '++'));
    // A writer part way through: its late result's hour and the mark it refreshed, not committed yet.
    const writer = dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    await writer.query(`UPDATE rollup_dirty_days SET marked_at = now() WHERE site_id = $1`, [siteId]);
    await writer.query(`UPDATE rollups_hourly SET checks = checks + 1 WHERE site_id = $1 AND bucket_start = to_timestamp($2)`, [siteId, day + H]);
    let rebuilt = false;
    const rebuild = days.rebuildDirtyDays(1_000).then((count) => {
      rebuilt = true;
      return count;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rebuilt).toBe(false);
    await writer.commitTransaction();
    await writer.release();
    expect(await rebuild).toBe(1);
    expect(await stored('rollups_daily', siteId)).toEqual([{ start: day, checks: 3, up: 2 }]);
  });

  it('tell whether a transaction that began before an instant is still running, and wait for it before purging hours', async () => {
    const other = dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query('SELECT 1');
    const after = Date.now() / 1000 + 5;
    expect(await days.transactionsBegunBefore(after)).toBe(true);
    expect(await days.transactionsBegunBefore(Date.now() / 1000 - 3_600)).toBe(false);
    await days.keepHourlySince(today() - 3 * D);
    expect(await days.hourlyPurgeBoundary(100)).toBeNull();
    await other.commitTransaction();
    await other.release();
    expect(await days.transactionsBegunBefore(after)).toBe(false);
    expect(await days.hourlyPurgeBoundary(100)).toBe(today() - 3 * D);
  });
});
