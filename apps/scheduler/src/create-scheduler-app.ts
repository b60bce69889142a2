import { INestApplicationContext } from '@nestjs/common';
import { HopwatchConfig } from '@hopwatch/platform';
import { createProcessContext } from '@hopwatch/runtime';
import { SchedulerModule } from './scheduler.module';

export function createSchedulerApp(config: HopwatchConfig): Promise<INestApplicationContext> {
  return createProcessContext(config, [SchedulerModule.register]);
}
