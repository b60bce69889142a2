import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TargetPolicyModule } from '@hopwatch/runtime';
import { AlertChannelsController } from './alerting/alert-channels.controller';
import { AlertChannelsService } from './alerting/alert-channels.service';
import { SecretRotationService } from './alerting/secret-rotation.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { MaintenanceWindowsController } from './maintenance/maintenance-windows.controller';
import { MaintenanceWindowsService } from './maintenance/maintenance-windows.service';
import { ApiKeysController } from './auth/api-keys.controller';
import { ApiKeysService } from './auth/api-keys.service';
import { SessionController } from './auth/session.controller';
import { SessionsService } from './auth/sessions.service';
import { ChecksController } from './checks/checks.controller';
import { ChecksService } from './checks/checks.service';
import { ApiErrorFilter } from './common/api-error.filter';
import { EventsController } from './events/events.controller';
import { LiveEventsHub } from './events/live-events.hub';
import { HealthController } from './health/health.controller';
import { HistoryModule } from './history/history.module';
import { IncidentsController } from './incidents/incidents.controller';
import { IncidentsService } from './incidents/incidents.service';
import { FleetMetricsCollector } from './metrics/fleet-metrics.collector';
import { MetricsController } from './metrics/metrics.controller';
import { PingController } from './push/ping.controller';
import { RateLimitGuard } from './rate-limits/rate-limit.guard';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { SchemaController } from './schema/schema.controller';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';
import { SitesOverviewController } from './sites/sites-overview.controller';
import { SitesOverviewService } from './sites/sites-overview.service';
import { StatusPagesModule } from './status-pages/status-pages.module';
import { WebUiModule } from './web/web-ui.module';

/** The REST API. Expects the infrastructure modules (config, db, queue) to be provided by the process. */
@Module({
  imports: [HistoryModule, RateLimitsModule, TargetPolicyModule, StatusPagesModule, WebUiModule],
  controllers: [SitesOverviewController, SitesController, ChecksController, IncidentsController, AlertChannelsController, MaintenanceWindowsController, ApiKeysController, SessionController, EventsController, HealthController, MetricsController, SchemaController, PingController],
  providers: [
    SitesService,
    SitesOverviewService,
    ChecksService,
    IncidentsService,
    AlertChannelsService,
    MaintenanceWindowsService,
    SecretRotationService,
    ApiKeysService,
    FleetMetricsCollector,
    SessionsService,
    LiveEventsHub,
    // Limits first, so a flood of bad keys is refused before any key lookup.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ApiErrorFilter },
  ],
})
export class ApiModule {}
