// Names for the API's shapes, all taken from the generated OpenAPI types (api-schema.d.ts): a changed DTO
// breaks the web build instead of a page.
import type { components } from './api-schema';

type Schemas = components['schemas'];

export type Site = Schemas['SiteResponse'];
export type Hop = Schemas['HopResponse'];
export type CreateSite = Schemas['CreateSiteDto'];
export type HopInput = Schemas['HopDto'];
/** What the form sends: the generator marks fields with server defaults as required, the API does not. */
export type SiteBody = Omit<Partial<CreateSite>, 'detection'> & { detection?: Partial<NonNullable<CreateSite['detection']>> };
export type CheckResult = Schemas['CheckResultResponse'];
export type CheckResultPage = Schemas['CheckResultPage'];
export type RunNow = Schemas['RunNowResponse'];
export type Uptime = Schemas['UptimeResponse'];
export type UptimeSeries = Schemas['UptimeSeriesResponse'];
export type UptimePoint = Schemas['UptimePointResponse'];
export type Incident = Schemas['IncidentResponse'];
export type IncidentDetail = Schemas['IncidentDetailResponse'];
export type IncidentList = Schemas['IncidentListResponse'];
export type AlertChannel = Schemas['AlertChannelResponse'];
export type CreatedAlertChannel = Schemas['CreatedAlertChannelResponse'];
export type CreateAlertChannel = Schemas['CreateAlertChannelDto'];
export type DeliveryList = Schemas['DeliveryListResponse'];
export type MaintenanceWindow = Schemas['MaintenanceWindowResponse'];
export type CreateMaintenanceWindow = Schemas['CreateMaintenanceWindowDto'];
export type ApiKey = Schemas['ApiKeyResponse'];
export type CreatedApiKey = Schemas['CreatedApiKeyResponse'];
export type CreateApiKey = Schemas['CreateApiKeyDto'];
export type HopRole = Hop['role'];
export type Session = Schemas['SessionResponse'];
export type SiteOverview = Schemas['SiteOverviewResponse'];
export type SiteOverviewItem = Schemas['SiteOverviewItemResponse'];
export type StatusPage = Schemas['StatusPageResponse'];
export type StatusPageBody = Schemas['CreateStatusPageDto'];
export type PublicStatus = Schemas['PublicStatusResponse'];
export type PublicIncident = Schemas['PublicIncidentResponse'];
