import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertChannelRepository } from './alerting/alert-channel.repository';
import { DeliveryRepository } from './alerting/delivery.repository';
import { MaintenanceWindowRepository } from './alerting/maintenance-window.repository';
import { NotificationOutboxRepository } from './alerting/notification-outbox.repository';
import { ApiKeyRepository } from './auth/api-key.repository';
import { WebSessionRepository } from './auth/web-session.repository';
import { PublicStatusRepository } from './status-pages/public-status.repository';
import { StatusPageRepository } from './status-pages/status-page.repository';
import { dataSourceOptions } from './data-source-options';
import { CheckResultRepository } from './checks/check-result.repository';
import { HistoryRepository } from './history/history.repository';
import { FleetMetricsRepository } from './metrics/fleet-metrics.repository';
import { PushRepository } from './push/push.repository';
import { CertificateWarningRepository } from './certificates/certificate-warning.repository';
import { IncidentHistoryRepository } from './history/incident-history.repository';
import { RetentionRepository } from './history/retention.repository';
import { DayCloseRepository } from './history/day-close.repository';
import { ResultPartitionRepository } from './checks/result-partitions.repository';
import { SiteOverviewRepository } from './history/site-overview.repository';
import { AnalysisRepository } from './incidents/analysis.repository';
import { IncidentRepository } from './incidents/incident.repository';
import { ScheduleRepository } from './schedule/schedule.repository';
import { ScheduleMirrorRepository } from './schedule/schedule-mirror.repository';
import { SiteRepository } from './sites/site.repository';
import { UnitOfWork } from './unit-of-work';

const REPOSITORIES = [SiteRepository, ApiKeyRepository, ScheduleRepository, ScheduleMirrorRepository, CheckResultRepository, AnalysisRepository, IncidentRepository, HistoryRepository, RetentionRepository, DayCloseRepository, ResultPartitionRepository, IncidentHistoryRepository, AlertChannelRepository, DeliveryRepository, MaintenanceWindowRepository, NotificationOutboxRepository, FleetMetricsRepository, PushRepository, CertificateWarningRepository, WebSessionRepository, StatusPageRepository, PublicStatusRepository, SiteOverviewRepository];

@Module({})
export class DbModule {
  static forRoot(databaseUrl: string, poolSize?: number): DynamicModule {
    return {
      module: DbModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, poolSize), retryAttempts: 0 })],
      providers: [UnitOfWork, ...REPOSITORIES],
      exports: [UnitOfWork, ...REPOSITORIES],
    };
  }
}
