import 'reflect-metadata';
import { ensureDatabase } from '@hopwatch/db';
import { assertPortFree, bootOrExit, loadConfigOrExit, stopOnSignal } from '@hopwatch/platform';
import { assertRedisReachable } from '@hopwatch/queue';
import { createApiApp } from './create-api-app';
import { exposureLines } from './listen-banner';

bootOrExit(async () => {
  const config = loadConfigOrExit();
  const stop = stopOnSignal('api', config.shutdownTimeoutMs);
  await assertPortFree(config.port, config.host, 'PORT');
  await ensureDatabase(config.databaseUrl);
  await assertRedisReachable(config);
  const app = await createApiApp(config);
  stop.attach(app);
  await app.listen(config.port, config.host);
  process.stdout.write(
    [`hopwatch api: ${config.publicUrl}/api/v1, UI at /, docs at /docs, health at /health`, ...exposureLines(config), ''].join('\n'),
  );
});
