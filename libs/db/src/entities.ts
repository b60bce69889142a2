import { AlertChannelEntity } from './alerting/alert-channel.entity';
import { DeliveryEntity } from './alerting/delivery.entity';
import { MaintenanceWindowEntity } from './alerting/maintenance-window.entity';
import { ApiKeyEntity } from './auth/api-key.entity';
import { CertificateWarningEntity } from './certificates/certificate-warning.entity';
import { WebSessionEntity } from './auth/web-session.entity';
import { CheckResultEntity } from './checks/check-result.entity';
import { RollupDailyEntity, RollupHourlyEntity } from './history/rollup.entity';
import { IncidentEventEntity } from './incidents/incident-event.entity';
import { IncidentTimelineEntity } from './incidents/incident-timeline.entity';
import { IncidentEntity } from './incidents/incident.entity';
import { HopEntity } from './sites/hop.entity';
import { SiteEntity } from './sites/site.entity';
import { StatusPageEntity } from './status-pages/status-page.entity';

export const ENTITIES = [SiteEntity, HopEntity, ApiKeyEntity, CheckResultEntity, IncidentEntity, IncidentTimelineEntity, IncidentEventEntity, RollupHourlyEntity, RollupDailyEntity, AlertChannelEntity, DeliveryEntity, MaintenanceWindowEntity, CertificateWarningEntity, WebSessionEntity, StatusPageEntity];
