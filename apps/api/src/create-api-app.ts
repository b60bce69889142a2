import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DbModule } from '@hopwatch/db';
import { ConfigModule, HopwatchConfig, LoggingModule } from '@hopwatch/platform';
import { QueueModule } from '@hopwatch/queue';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

@Module({})
class ApiProcessModule {
  static forRoot(config: HopwatchConfig): DynamicModule {
    return {
      module: ApiProcessModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DbModule.forRoot(config.databaseUrl),
        QueueModule.forRoot(config.redisUrl),
        ApiModule,
      ],
    };
  }
}

/** The API alone, configured exactly as in production; tests boot it through this too. */
export async function createApiApp(config: HopwatchConfig): Promise<INestApplication> {
  const app = await NestFactory.create(ApiProcessModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApi(app);
  return app;
}
