import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ApiModule } from '../../api/src/api.module';
import { configureApi } from '../../api/src/configure-api';
import { SchedulerModule } from '../../scheduler/src/scheduler.module';
import { WorkerModule } from '../../worker/src/worker.module';
import { DbModule } from '@hopwatch/db';
import { ConfigModule, HopwatchConfig, LoggingModule } from '@hopwatch/platform';
import { QueueModule } from '@hopwatch/queue';

@Module({})
class AllInOneModule {
  static forRoot(config: HopwatchConfig): DynamicModule {
    return {
      module: AllInOneModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DbModule.forRoot(config.databaseUrl, 20),
        QueueModule.forRoot(config.redisUrl),
        ApiModule,
        SchedulerModule,
        WorkerModule,
      ],
    };
  }
}

export async function createAllInOneApp(config: HopwatchConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AllInOneModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApi(app);
  return app;
}
