import 'reflect-metadata';
import { ensureDatabase } from '@hopwatch/db';
import { assertPortFree, bootOrExit, loadConfigOrExit, startMetricsServer, stopOnSignal } from '@hopwatch/platform';
import { assertRedisReachable } from '@hopwatch/queue';
import { createWorkerApp } from './create-worker-app';

bootOrExit(async () => {
  const config = loadConfigOrExit();
  const stop = stopOnSignal('worker', config.shutdownTimeoutMs);
  if (config.metricsPort) await assertPortFree(config.metricsPort, config.host, 'HOPWATCH_METRICS_PORT');
  await ensureDatabase(config.databaseUrl);
  await assertRedisReachable(config);
  stop.attach(await createWorkerApp(config));
  if (config.metricsPort) await startMetricsServer(config.metricsPort, config.host);
  process.stdout.write(`hopwatch worker: checking from region "${config.region}"\n`);
});
