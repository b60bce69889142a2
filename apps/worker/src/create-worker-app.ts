import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DbModule } from '@hopwatch/db';
import { ConfigModule, HopwatchConfig, LoggingModule } from '@hopwatch/platform';
import { QueueModule } from '@hopwatch/queue';
import { WorkerModule } from './worker.module';

@Module({})
class WorkerProcessModule {
  static forRoot(config: HopwatchConfig): DynamicModule {
    return {
      module: WorkerProcessModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DbModule.forRoot(config.databaseUrl),
        QueueModule.forRoot(config.redisUrl),
        WorkerModule,
      ],
    };
  }
}

export async function createWorkerApp(config: HopwatchConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerProcessModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
