import 'reflect-metadata';
import { ensureDatabase } from '@hopwatch/db';
import { bootOrExit, loadConfigOrExit } from '@hopwatch/platform';
import { assertRedisReachable } from '@hopwatch/queue';
import { createWorkerApp } from './create-worker-app';

bootOrExit(async () => {
  const config = loadConfigOrExit();
  await ensureDatabase(config.databaseUrl);
  await assertRedisReachable(config.redisUrl);
  await createWorkerApp(config);
  process.stdout.write(`hopwatch worker: checking from region "${config.region}"\n`);
});
