import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAllInOneApp } from '../../apps/all-in-one/src/create-all-in-one-app';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_ADMIN_KEY, testConfig } from './test-config';

export type BootedPipeline = {
  app: INestApplication;
  database: TestDatabase;
  prefix: string;
  http: () => ReturnType<typeof request>;
  auth: { Authorization: string };
  query: <T = Record<string, unknown>>(sql: string, parameters?: unknown[]) => Promise<T[]>;
  close(): Promise<void>;
};

/** API + scheduler + worker in one process on a fresh database, ticking fast, as `npm start` runs them. */
export async function bootPipeline(overrides: Record<string, string> = {}): Promise<BootedPipeline> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, { HOPWATCH_SCHEDULER_TICK_MS: '50', HOPWATCH_WRITER_FLUSH_MS: '20', ...overrides });
  const app = await createAllInOneApp(config);
  await app.init();
  return {
    app,
    database,
    prefix: config.redisPrefix,
    http: () => request(app.getHttpServer()),
    auth: { Authorization: `Bearer ${TEST_ADMIN_KEY}` },
    query: (sql, parameters) => app.get(DataSource).query(sql, parameters),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
