// `npm run migrate`: create the database if needed and apply pending migrations.
import 'reflect-metadata';
import { bootOrExit, loadConfigOrExit } from '@hopwatch/platform';
import { migrateDatabase } from './migrate-database';

bootOrExit(async () => {
  const applied = await migrateDatabase(loadConfigOrExit().databaseUrl);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
});
