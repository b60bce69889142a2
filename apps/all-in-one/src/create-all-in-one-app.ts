import { INestApplication } from '@nestjs/common';
import { createHttpApp } from '../../api/src/create-api-app';
import { SchedulerModule } from '../../scheduler/src/scheduler.module';
import { WorkerModule } from '../../worker/src/worker.module';
import { HopwatchConfig } from '@hopwatch/platform';

/** API, scheduler and worker on one infrastructure, in one process (`npm start`). */
export function createAllInOneApp(config: HopwatchConfig): Promise<INestApplication> {
  return createHttpApp(config, [SchedulerModule.register, WorkerModule.register], 20);
}
