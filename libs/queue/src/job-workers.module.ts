import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkers, QUEUE_CONSUMERS, QueueConsumer } from './job-workers';

/** Imported by the module whose providers hold the @OnJob handlers of the given queues. */
@Module({})
export class JobWorkersModule {
  /** `config`: the process's ConfigModule (the workers read the Redis URL, prefix and region from it). */
  static consume(consumers: QueueConsumer[], config: DynamicModule): DynamicModule {
    return {
      module: JobWorkersModule,
      imports: [DiscoveryModule, config],
      providers: [{ provide: QUEUE_CONSUMERS, useValue: consumers }, JobWorkers],
      exports: [JobWorkers],
    };
  }
}
