import 'reflect-metadata';
import { ensureDatabase } from '@hopwatch/db';
import { bootOrExit, loadConfigOrExit, startMetricsServer } from '@hopwatch/platform';
import { assertRedisReachable } from '@hopwatch/queue';
import { createSchedulerApp } from './create-scheduler-app';

bootOrExit(async () => {
  const config = loadConfigOrExit();
  await ensureDatabase(config.databaseUrl);
  await assertRedisReachable(config.redisUrl);
  await createSchedulerApp(config);
  if (config.metricsPort) await startMetricsServer(config.metricsPort, config.host);
  process.stdout.write('hopwatch scheduler: started (one instance enqueues at a time; others stand by)\n');
});
