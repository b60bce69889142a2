import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_ADMIN_KEY, testConfig } from './test-config';

export type BootedApi = {
  app: INestApplication;
  database: TestDatabase;
  http: () => ReturnType<typeof request>;
  auth: (key?: string) => { Authorization: string };
  close(): Promise<void>;
};

/** Boots the real API on a fresh database; requests go through supertest. */
export async function bootApi(overrides: Record<string, string> = {}): Promise<BootedApi> {
  const database = await createTestDatabase();
  const app = await createApiApp(testConfig(database.url, overrides));
  await app.init();
  return {
    app,
    database,
    http: () => request(app.getHttpServer()),
    auth: (key = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${key}` }),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
