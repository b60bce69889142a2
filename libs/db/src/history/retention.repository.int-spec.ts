import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { insertSite, resultsFor } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { CheckResultRepository } from '../checks/check-result.repository';
import { dataSourceOptions } from '../data-source-options';
import { RetentionRepository } from './retention.repository';

const DAY0 = 1_699_920_000;
const D = 86_400;

describe('retention', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const count = async (sql: string) => (await dataSource.query(sql))[0].n;
  const allRollups = () =>
    dataSource.query(`SELECT 'hourly' AS kind, * FROM rollups_hourly UNION ALL SELECT 'daily', * FROM rollups_daily ORDER BY 1, 2, 3, 4, 5`);

  it('delete raw results older than the cutoff, batch by batch over every site, and leave the rollups alone', async () => {
    const results = new CheckResultRepository(dataSource);
    const sites = await Promise.all([insertSite(dataSource), insertSite(dataSource), insertSite(dataSource)]);
    for (const siteId of sites) {
      await results.insertMany(resultsFor(siteId, DAY0 - D, 600, '+-+'.repeat(8)));
      await results.insertMany(resultsFor(siteId, DAY0 + 600, 600, '++-'));
    }
    const rollupsBefore = await allRollups();
    expect(await count('SELECT count(*)::int AS n FROM check_results')).toBe(3 * 27);

    const deleted = await new RetentionRepository(dataSource).deleteRawBefore(DAY0 + 600, { batchSize: 7, sitesPerPage: 2, pauseMs: 0 });

    expect(deleted).toBe(3 * 24);
    expect(await count(`SELECT count(*)::int AS n FROM check_results WHERE slot < to_timestamp(${DAY0 + 600})`)).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM check_results')).toBe(3 * 3);
    expect(await allRollups()).toEqual(rollupsBefore);
  });

  it('stop between batches when the scheduler shuts down', async () => {
    const siteId = await insertSite(dataSource);
    await new CheckResultRepository(dataSource).insertMany(resultsFor(siteId, DAY0 - 2 * D, 600, '++++'));
    let batches = 0;
    const deleted = await new RetentionRepository(dataSource).deleteRawBefore(DAY0 - D, { batchSize: 1, pauseMs: 0, stopping: () => ++batches > 2 });
    expect(deleted).toBe(2);
  });

  it('delete nothing when nothing is old enough', async () => {
    expect(await new RetentionRepository(dataSource).deleteRawBefore(DAY0 - 10 * D)).toBe(0);
  });
});
