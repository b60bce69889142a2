import 'reflect-metadata';
import { ensureDatabase } from '@hopwatch/db';
import { assertPortFree, bootOrExit, loadConfigOrExit, startMetricsServer, stopOnSignal } from '@hopwatch/platform';
import { assertRedisReachable } from '@hopwatch/queue';
import { createSchedulerApp } from './create-scheduler-app';

bootOrExit(async () => {
  const config = loadConfigOrExit();
  const stop = stopOnSignal('scheduler', config.shutdownTimeoutMs);
  if (config.metricsPort) await assertPortFree(config.metricsPort, config.host, 'HOPWATCH_METRICS_PORT');
  await ensureDatabase(config.databaseUrl);
  await assertRedisReachable(config);
  stop.attach(await createSchedulerApp(config));
  if (config.metricsPort) await startMetricsServer(config.metricsPort, config.host);
  process.stdout.write('hopwatch scheduler: started (one instance enqueues at a time; others stand by)\n');
});
