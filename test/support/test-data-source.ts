// A test file's own migrated database with a TypeORM DataSource on it: created before its tests, dropped after.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/db/src/data-source-options';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * Registers the hooks and returns the DataSource's accessor. `each` gives every test a fresh database instead of
 * one for the whole file.
 */
export function useTestDataSource(poolSize: number, scope: 'file' | 'each' = 'file'): () => DataSource {
  let database: TestDatabase | null = null;
  let dataSource: DataSource | null = null;
  const open = async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, poolSize)).initialize();
  };
  const close = async () => {
    await dataSource?.destroy();
    await database?.drop();
  };
  if (scope === 'each') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  return () => {
    if (!dataSource) throw new Error('the test DataSource is only open inside tests');
    return dataSource;
  };
}
