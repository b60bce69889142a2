import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SERVER_URL, withServer } from '../../../../test/support/test-database';
import { dataSourceOptions } from '../data-source-options';
import { migrateDatabase } from './migrate-database';

describe('migrations', () => {
  const name = `hopwatch_m_${randomBytes(6).toString('hex')}`;
  const url = `${SERVER_URL}/${name}`;

  afterAll(async () => {
    await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('create the database when it is missing and build the schema from empty', async () => {
    const applied = await migrateDatabase(url);
    expect(applied.length).toBeGreaterThan(0);
    const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
    try {
      const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables.map((row: { table_name: string }) => row.table_name)).toEqual(
        expect.arrayContaining(['sites', 'hops', 'api_keys', 'hopwatch_migrations']),
      );
    } finally {
      await dataSource.destroy();
    }
  });

  it('apply nothing the second time', async () => {
    expect(await migrateDatabase(url)).toEqual([]);
  });

  it('leave the schema exactly as the entities describe it (no pending diff)', async () => {
    const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('revert cleanly, one by one, down to empty', async () => {
    const dataSource = await new DataSource(dataSourceOptions(url, 1)).initialize();
    try {
      while ((await dataSource.query('SELECT count(*)::int AS n FROM hopwatch_migrations'))[0].n > 0) {
        await dataSource.undoLastMigration();
      }
      const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables.map((row: { table_name: string }) => row.table_name)).toEqual(['hopwatch_migrations']);
    } finally {
      await dataSource.destroy();
    }
  });
});
