import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AlertChannelResponse, CreatedAlertChannelResponse, DeliveryListResponse } from '../alerting/dto/alert-channel.dto';
import { ApiKeyResponse, CreatedApiKeyResponse } from '../auth/dto/api-key.dto';
import { SessionResponse } from '../auth/dto/session.dto';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { CheckResultPage, RunNowResponse } from '../checks/dto/check-result.response';
import { UptimeResponse, UptimeSeriesResponse } from '../history/dto/uptime.response';
import { IncidentDetailResponse, IncidentListResponse } from '../incidents/dto/incident.response';
import { MaintenanceWindowResponse } from '../maintenance/dto/maintenance-window.dto';
import { SiteOverviewResponse } from '../sites/dto/site-overview.response';
import { SiteListResponse, SiteResponse } from '../sites/dto/site.response';
import { PublicStatusResponse } from '../status-pages/dto/public-status.response';
import { StatusPageResponse } from '../status-pages/dto/status-page.dto';

/** Response shapes listed even where a route does not name its response yet, so generated clients can use them. */
const RESPONSE_MODELS = [
  SiteResponse, SiteListResponse, CheckResultPage, RunNowResponse, UptimeResponse, UptimeSeriesResponse,
  IncidentListResponse, IncidentDetailResponse, AlertChannelResponse, CreatedAlertChannelResponse, DeliveryListResponse,
  MaintenanceWindowResponse, ApiKeyResponse, CreatedApiKeyResponse, SessionResponse, SiteOverviewResponse, StatusPageResponse,
  PublicStatusResponse,
];

/** The OpenAPI document of the API, as served at /docs-json and as the web app's types are generated from. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('hopwatch')
      .setDescription('Uptime and upstream-chain monitoring that names the hop behind every 502.')
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'this hopwatch')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key' })
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'the web UI\'s session, from POST /api/v1/session' }, SESSION_COOKIE)
      .build(),
    { extraModels: RESPONSE_MODELS },
  );
}
