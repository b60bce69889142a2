// What every hopwatch process stands on, whatever its role: config, logs, the database and the queues.
import { DynamicModule, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DbModule } from '@hopwatch/db';
import { ConfigModule, HopwatchConfig, LoggingModule } from '@hopwatch/platform';
import { QueueModule } from '@hopwatch/queue';
import { DependencyMonitorModule } from './dependency-monitor';

@Module({})
export class InfrastructureModule {
  static forRoot(config: HopwatchConfig, roles: Type[], poolSize?: number): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DbModule.forRoot(config.databaseUrl, poolSize),
        QueueModule.forRoot(config.redisUrl),
        DependencyMonitorModule,
        ...roles,
      ],
    };
  }
}

/** A process without HTTP (scheduler, worker): the given roles on the shared infrastructure, logging through pino. */
export async function createProcessContext(config: HopwatchConfig, roles: Type[]): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(InfrastructureModule.forRoot(config, roles), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
