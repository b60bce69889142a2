import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { insertSite, resultsFor } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { CheckResultRepository } from '../checks/check-result.repository';
import { dayPartitionName, ResultPartitionRepository } from '../checks/result-partitions.repository';
import { dataSourceOptions } from '../data-source-options';
import { DayCloseRepository } from './day-close.repository';
import { RetentionRepository } from './retention.repository';

const DAY0 = 1_699_920_000; // 2023-11-14 00:00 UTC
const D = 86_400;
// The migration also created partitions around today; these tests look at the days around DAY0 only.
const daysNearDay0 = (days: number[]) => days.filter((day) => day >= DAY0 - 30 * D && day < DAY0 + 30 * D);

describe('raw result partitions and retention', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let partitions: ResultPartitionRepository;
  let results: CheckResultRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
    partitions = new ResultPartitionRepository(dataSource);
    results = new CheckResultRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const count = async (sql: string) => (await dataSource.query(sql))[0].n;
  const rowsIn = (table: string) => count(`SELECT count(*)::int AS n FROM ${table}`);
  const allRollups = () =>
    dataSource.query(`SELECT 'hourly' AS kind, * FROM rollups_hourly UNION ALL SELECT 'daily', * FROM rollups_daily ORDER BY 1, 2, 3, 4, 5`);

  it('name a day partition after its UTC date', () => {
    expect(dayPartitionName(DAY0)).toBe('probe_results_p20231114');
  });

  it('store a result outside every day partition in the default partition, and move it into its day when that day is created', async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, DAY0 + 600, 600, '+-+'));
    expect(await rowsIn('probe_results_default')).toBe(3);

    expect(await partitions.ensureDays(DAY0 + 5, 2)).toEqual([DAY0, DAY0 + D]);

    expect(await rowsIn('probe_results_default')).toBe(0);
    expect(await rowsIn(dayPartitionName(DAY0))).toBe(3);
    expect(await count(`SELECT count(*)::int AS n FROM check_results WHERE site_id = '${siteId}'`)).toBe(3);
    // The moved rows keep their key: storing them again is still a no-op.
    expect(await results.insertMany(resultsFor(siteId, DAY0 + 600, 600, '+-+'))).toEqual([]);
  });

  it('create only the days that are missing', async () => {
    expect(await partitions.ensureDays(DAY0, 3)).toEqual([DAY0 + 2 * D]);
    expect(daysNearDay0(await partitions.days())).toEqual([DAY0, DAY0 + D, DAY0 + 2 * D]);
  });

  it("leave a deleted site's results unreachable at once, without deleting them row by row, until their day is dropped", async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, DAY0 + 2 * D + 600, 600, '+-+'));
    const stored = () => count(`SELECT count(*)::int AS n FROM ${dayPartitionName(DAY0 + 2 * D)}`);
    const before = await stored();

    await dataSource.query('DELETE FROM sites WHERE id = $1', [siteId]);

    expect(await count(`SELECT count(*)::int AS n FROM check_results WHERE site_id = '${siteId}'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM probe_series WHERE site_id = '${siteId}'`)).toBe(0);
    expect(await stored()).toBe(before);
  });

  it('drop whole days that end before the cutoff, keep the day the cutoff falls in, and leave the rollups alone', async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, DAY0 + D + 600, 600, '++-'));
    const rollupsBefore = await allRollups();

    expect(await partitions.dropDaysBefore(DAY0 + D + 3_600)).toEqual([DAY0]);

    expect(daysNearDay0(await partitions.days())).toEqual([DAY0 + D, DAY0 + 2 * D]);
    expect(await count(`SELECT count(*)::int AS n FROM check_results WHERE slot < to_timestamp(${DAY0 + D})`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM check_results WHERE site_id = '${siteId}'`)).toBe(3);
    expect(await allRollups()).toEqual(rollupsBefore);
  });

  it('purge old rows of the default partition batch by batch, and keep newer ones', async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, DAY0 - 10 * D, 600, '+-+-+-+'));
    await results.insertMany(resultsFor(siteId, DAY0 - 5 * D, 600, '++'));

    const deleted = await new RetentionRepository(dataSource).deleteUnpartitionedBefore(DAY0 - 6 * D, { batchSize: 2, pauseMs: 0 });

    expect(deleted).toBe(7);
    expect(await rowsIn('probe_results_default')).toBe(2);
  });

  it('purge hourly rollups before the cutoff over every site, page by page, and keep newer hours and the daily rollups', async () => {
    const sites = await Promise.all([insertSite(dataSource), insertSite(dataSource), insertSite(dataSource)]);
    for (const siteId of sites) await results.insertMany(resultsFor(siteId, DAY0 + 5 * D, 3_600, '+'.repeat(30)));
    // Late results all: their days' daily rows are built from these hours first, as the day close does.
    await new DayCloseRepository(dataSource).rebuildDirtyDays(1_000);
    const hourly = (where: string) => count(`SELECT count(*)::int AS n FROM rollups_hourly WHERE site_id IN ('${sites.join("','")}') ${where}`);
    const daily = () => dataSource.query(`SELECT * FROM rollups_daily WHERE site_id IN ('${sites.join("','")}') ORDER BY 1, 2, 3, 4`);
    const dailyBefore = await daily();
    const [{ n: oldHours }] = await dataSource.query(`SELECT count(*)::int AS n FROM rollups_hourly WHERE bucket_start < to_timestamp(${DAY0 + 6 * D})`);
    expect(oldHours).toBeGreaterThanOrEqual(3 * 24);

    const deleted = await new RetentionRepository(dataSource).deleteHourlyRollupsBefore(DAY0 + 6 * D, { batchSize: 5, sitesPerPage: 2, pauseMs: 0 });

    expect(deleted).toBe(oldHours);
    expect(await count(`SELECT count(*)::int AS n FROM rollups_hourly WHERE bucket_start < to_timestamp(${DAY0 + 6 * D})`)).toBe(0);
    expect(await hourly(`AND bucket_start < to_timestamp(${DAY0 + 6 * D})`)).toBe(0);
    expect(await hourly('')).toBe(3 * 6);
    expect(await daily()).toEqual(dailyBefore);
  });

  it('keep the hours of a day that a late result has marked until its daily rows are rebuilt', async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, DAY0 + 10 * D, 3_600, '+-+'));
    const hours = () => count(`SELECT count(*)::int AS n FROM rollups_hourly WHERE site_id = '${siteId}'`);
    const retention = new RetentionRepository(dataSource);

    await retention.deleteHourlyRollupsBefore(DAY0 + 12 * D, { pauseMs: 0 });
    expect(await hours()).toBe(3);

    await new DayCloseRepository(dataSource).rebuildDirtyDays(1_000);
    await retention.deleteHourlyRollupsBefore(DAY0 + 12 * D, { pauseMs: 0 });
    expect(await hours()).toBe(0);
    const [day] = await dataSource.query(`SELECT checks, up FROM rollups_daily WHERE site_id = $1`, [siteId]);
    expect(day).toEqual({ checks: 3, up: 2 });
  });

  it('stop between batches when the scheduler shuts down', async () => {
    const siteId = await insertSite(dataSource);
    await results.insertMany(resultsFor(siteId, DAY0 - 20 * D, 600, '++++'));
    let batches = 0;
    const deleted = await new RetentionRepository(dataSource).deleteUnpartitionedBefore(DAY0 - 15 * D, { batchSize: 1, pauseMs: 0, stopping: () => ++batches > 2 });
    expect(deleted).toBe(2);
  });
});
