import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { HopwatchConfig } from '@hopwatch/platform';
import { InfrastructureModule, Role } from '@hopwatch/runtime';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

/** An HTTP process serving the API, with whatever other roles it also runs (the all-in-one adds scheduler and worker). */
export async function createHttpApp(config: HopwatchConfig, roles: Role[], poolSize?: number): Promise<INestApplication> {
  const app = await NestFactory.create(InfrastructureModule.forRoot(config, [ApiModule.register, ...roles], poolSize), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApi(app);
  return app;
}

/** The API alone, configured exactly as in production; tests boot it through this too. */
export function createApiApp(config: HopwatchConfig): Promise<INestApplication> {
  return createHttpApp(config, []);
}
