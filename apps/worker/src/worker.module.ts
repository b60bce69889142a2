import { Module } from '@nestjs/common';
import { AnalyzerService } from './analysis/analyzer.service';
import { ChainRunner } from './checks/chain-runner.service';
import { CheckProcessor } from './checks/check.processor';
import { CertificateWatch } from './checks/certificate-watch.service';
import { HeartbeatJudge } from './checks/heartbeat-judge.service';
import { NotificationProcessor } from './notifications/notification.processor';
import { OutboxRelay } from './notifications/outbox-relay.service';
import { ResultWriter } from './results/result-writer.service';

/** BullMQ processors for HOPWATCH_REGION. Expects config, db and queue from the process. */
@Module({
  providers: [ChainRunner, HeartbeatJudge, CertificateWatch, ResultWriter, AnalyzerService, CheckProcessor, OutboxRelay, NotificationProcessor],
  exports: [ResultWriter, AnalyzerService, CheckProcessor, OutboxRelay],
})
export class WorkerModule {}
