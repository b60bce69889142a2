// What every hopwatch process stands on, whatever its role: config, logs, the database and the queues.
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DbModule } from '@hopwatch/db';
import { ConfigModule, HopwatchConfig, LoggingModule } from '@hopwatch/platform';
import { QueueModule } from '@hopwatch/queue';
import { DependencyMonitorModule } from './dependency-monitor';
import { TargetPolicyModule } from './target-policy.module';

/**
 * One process's infrastructure modules, each built once. None is global: a module imports the ones it
 * uses, and because every importer gets the same module object, Nest makes it one instance (one pool,
 * one Redis connection, one target policy) however many modules import it.
 */
export type Infrastructure = {
  /** HOPWATCH_CONFIG and SecretBox. */
  readonly config: DynamicModule;
  /** Repositories and the UnitOfWork. */
  readonly db: DynamicModule;
  /** REDIS, CheckQueues, NotificationQueue and LiveEventPublisher. */
  readonly queue: DynamicModule;
  /** TARGET_POLICY. */
  readonly targetPolicy: DynamicModule;
  /** DependencyMonitor: whether Postgres and Redis answer. */
  readonly dependencies: DynamicModule;
};

/** A role of a process (api, scheduler, worker): its module, importing from the infrastructure what it uses. */
export type Role = (infrastructure: Infrastructure) => DynamicModule;

export function buildInfrastructure(config: HopwatchConfig, poolSize?: number): Infrastructure {
  const configModule = ConfigModule.forRoot(config);
  const db = DbModule.forRoot(config.databaseUrl, poolSize);
  const queue = QueueModule.forRoot(configModule);
  return {
    config: configModule,
    db,
    queue,
    targetPolicy: TargetPolicyModule.forRoot(configModule),
    dependencies: DependencyMonitorModule.forRoot(db, queue),
  };
}

@Module({})
export class InfrastructureModule {
  static forRoot(config: HopwatchConfig, roles: Role[], poolSize?: number): DynamicModule {
    const infrastructure = buildInfrastructure(config, poolSize);
    return {
      module: InfrastructureModule,
      imports: [
        infrastructure.config,
        LoggingModule.forRoot(config),
        infrastructure.db,
        infrastructure.queue,
        infrastructure.dependencies,
        ...roles.map((role) => role(infrastructure)),
      ],
    };
  }
}

/** A process without HTTP (scheduler, worker): the given roles on the shared infrastructure, logging through pino. */
export async function createProcessContext(config: HopwatchConfig, roles: Role[]): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(InfrastructureModule.forRoot(config, roles), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
