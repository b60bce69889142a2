// `npm start`: migrations, then the API, the scheduler and a worker for HOPWATCH_REGION in one process.
import 'reflect-metadata';
import { migrateDatabase } from '@hopwatch/db';
import { assertPortFree, bootOrExit, loadConfigOrExit, stopOnSignal } from '@hopwatch/platform';
import { assertRedisReachable } from '@hopwatch/queue';
import { exposureLines } from '../../api/src/listen-banner';
import { createAllInOneApp } from './create-all-in-one-app';

bootOrExit(async () => {
  const config = loadConfigOrExit();
  const stop = stopOnSignal('all-in-one', config.shutdownTimeoutMs);
  await assertPortFree(config.port, config.host, 'PORT');
  const applied = await migrateDatabase(config.databaseUrl);
  await assertRedisReachable(config);
  const app = await createAllInOneApp(config);
  stop.attach(app);
  await app.listen(config.port, config.host);
  const base = config.publicUrl;
  process.stdout.write(
    [
      `hopwatch is running (api + scheduler + worker for region "${config.region}")`,
      `  migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
      `  UI:      ${base}/`,
      `  API:     ${base}/api/v1`,
      `  docs:    ${base}/docs`,
      `  health:  ${base}/health (ready: ${base}/health/ready)`,
      `  metrics: ${base}/metrics`,
      ...exposureLines(config),
      '',
    ].join('\n'),
  );
});
