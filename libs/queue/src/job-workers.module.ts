import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkers, QUEUE_CONSUMERS, QueueConsumer } from './job-workers';

/** Imported by the module whose providers hold the @OnJob handlers of the given queues. */
@Module({})
export class JobWorkersModule {
  static consume(consumers: QueueConsumer[]): DynamicModule {
    return {
      module: JobWorkersModule,
      imports: [DiscoveryModule],
      providers: [{ provide: QUEUE_CONSUMERS, useValue: consumers }, JobWorkers],
    };
  }
}
