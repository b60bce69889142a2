import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DbModule } from '@hopwatch/db';
import { ConfigModule, HopwatchConfig, LoggingModule } from '@hopwatch/platform';
import { QueueModule } from '@hopwatch/queue';
import { SchedulerModule } from './scheduler.module';

@Module({})
class SchedulerProcessModule {
  static forRoot(config: HopwatchConfig): DynamicModule {
    return {
      module: SchedulerProcessModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DbModule.forRoot(config.databaseUrl),
        QueueModule.forRoot(config.redisUrl),
        SchedulerModule,
      ],
    };
  }
}

export async function createSchedulerApp(config: HopwatchConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(SchedulerProcessModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
