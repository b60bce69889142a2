import { DynamicModule, Module } from '@nestjs/common';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { JobWorkersModule, QueueConsumer } from '@hopwatch/queue';
import { Infrastructure, ResultBuffer } from '@hopwatch/runtime';
import { AnalyzerService } from './analysis/analyzer.service';
import { ChainRunner } from './checks/chain-runner.service';
import { CheckProcessor } from './checks/check.processor';
import { CertificateWatch } from './checks/certificate-watch.service';
import { HeartbeatJudge } from './checks/heartbeat-judge.service';
import { LatenessWatch } from './checks/lateness-watch.service';
import { checkJobsFor, ProbeConcurrency } from './checks/probe-concurrency.service';
import { ProbeSlots } from './checks/probe-slots';
import { NotificationProcessor } from './notifications/notification.processor';
import { OutboxRelay } from './notifications/outbox-relay.service';
import { retryDelayMs } from './notifications/retry-delay';
import { ResultDrainer } from './results/result-drainer.service';
import { ResultWriter } from './results/result-writer.service';

const CONSUMERS: QueueConsumer[] = [
  {
    queue: 'checks',
    // A job is a batch of checks; the processor's probe slots say how many probe at once, and ProbeConcurrency
    // resizes the jobs fetched with them.
    options: (config) => ({ concurrency: checkJobsFor(config.workerConcurrency, config.checkBatchSize), maxStalledCount: 3 }),
    logFailures: true,
  },
  {
    queue: 'notifications',
    options: (config) => ({
      concurrency: 20,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, { firstMs: config.alertRetryFirstMs, maxMs: config.alertRetryMaxMs }) },
    }),
    logFailures: false,
  },
];

/** BullMQ processors for HOPWATCH_REGION. */
const probeSlots = { provide: ProbeSlots, useFactory: (config: HopwatchConfig) => new ProbeSlots(config.workerConcurrency), inject: [HOPWATCH_CONFIG] };

@Module({
  providers: [probeSlots, ProbeConcurrency, ChainRunner, HeartbeatJudge, CertificateWatch, LatenessWatch, ResultBuffer, ResultWriter, ResultDrainer, AnalyzerService, CheckProcessor, OutboxRelay, NotificationProcessor],
  exports: [ResultWriter, ResultDrainer, AnalyzerService, CheckProcessor, OutboxRelay],
})
export class WorkerModule {
  static register({ config, db, queue, targetPolicy, dependencies }: Infrastructure): DynamicModule {
    return { module: WorkerModule, imports: [config, db, queue, targetPolicy, dependencies, JobWorkersModule.consume(CONSUMERS, config)] };
  }
}
