// Migrates the template database once per run; test files clone it.
import 'reflect-metadata';
import { migrateDatabase } from '../../libs/db/src/boot/migrate-database';
import { SERVER_URL, templateName, withServer } from './test-database';

export default async function globalSetup(): Promise<void> {
  const name = templateName();
  await withServer(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['hopwatch-test-template']);
    try {
      const ready = await client.query('SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate', [name]);
      if (ready.rowCount === 1) return;
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await migrateDatabase(`${SERVER_URL}/${name}`);
      await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['hopwatch-test-template']);
    }
  });
}
