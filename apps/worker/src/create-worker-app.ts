import { INestApplicationContext } from '@nestjs/common';
import { HopwatchConfig } from '@hopwatch/platform';
import { createProcessContext } from '@hopwatch/runtime';
import { WorkerModule } from './worker.module';

export function createWorkerApp(config: HopwatchConfig): Promise<INestApplicationContext> {
  return createProcessContext(config, [WorkerModule.register]);
}
