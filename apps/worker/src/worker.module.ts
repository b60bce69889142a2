import { Module } from '@nestjs/common';
import { JobWorkersModule } from '@hopwatch/queue';
import { TargetPolicyModule } from '@hopwatch/runtime';
import { AnalyzerService } from './analysis/analyzer.service';
import { ChainRunner } from './checks/chain-runner.service';
import { CheckProcessor } from './checks/check.processor';
import { CertificateWatch } from './checks/certificate-watch.service';
import { HeartbeatJudge } from './checks/heartbeat-judge.service';
import { NotificationProcessor } from './notifications/notification.processor';
import { OutboxRelay } from './notifications/outbox-relay.service';
import { retryDelayMs } from './notifications/retry-delay';
import { ResultWriter } from './results/result-writer.service';

const consumeQueues = JobWorkersModule.consume([
  {
    queue: 'checks',
    options: (config) => ({ concurrency: config.workerConcurrency, maxStalledCount: 3 }),
    logFailures: true,
  },
  {
    queue: 'notifications',
    options: () => ({ concurrency: 20, settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade) } }),
    logFailures: false,
  },
]);

/** BullMQ processors for HOPWATCH_REGION. Expects config, db and queue from the process. */
@Module({
  imports: [consumeQueues, TargetPolicyModule],
  providers: [ChainRunner, HeartbeatJudge, CertificateWatch, ResultWriter, AnalyzerService, CheckProcessor, OutboxRelay, NotificationProcessor],
  exports: [ResultWriter, AnalyzerService, CheckProcessor, OutboxRelay],
})
export class WorkerModule {}
