import {
  AlertChannelNotFound,
  ApiKeyNotFound,
  DomainError,
  IncidentNotFound,
  InvalidCursor,
  InvalidMaintenanceWindow,
  MonitorKindMismatch,
  InvalidRange,
  InvalidStatusPage,
  isRejected,
  MaintenanceWindowNotFound,
  SiteNotFound,
  StatusPageNotFound,
  StatusPageSlugTaken,
  TargetDenied,
  UnknownAlertChannel,
} from '@hopwatch/domain';
import { DOMAIN_ERROR_STATUS } from './domain-error.status';

const cases: Array<{ error: DomainError; statusCode: number; message: string | string[] }> = [
  { error: new SiteNotFound('s1'), statusCode: 404, message: 'site s1 does not exist' },
  { error: new IncidentNotFound('i1'), statusCode: 404, message: 'incident i1 does not exist' },
  { error: new AlertChannelNotFound('c1'), statusCode: 404, message: 'alert channel c1 does not exist' },
  { error: new ApiKeyNotFound('k1'), statusCode: 404, message: 'API key k1 does not exist' },
  { error: new MaintenanceWindowNotFound('m1'), statusCode: 404, message: 'maintenance window m1 does not exist' },
  { error: new TargetDenied(['url is not allowed: loopback']), statusCode: 400, message: ['url is not allowed: loopback'] },
  { error: new UnknownAlertChannel(['c1', 'c2']), statusCode: 400, message: ['alertChannelIds has unknown alert channels: c1, c2'] },
  { error: new InvalidRange('from is required when to is given'), statusCode: 400, message: ['from is required when to is given'] },
  { error: new InvalidCursor(), statusCode: 400, message: ['cursor is not a cursor this API gave out'] },
  { error: new InvalidMaintenanceWindow(['endsAt must be after startsAt']), statusCode: 400, message: ['endsAt must be after startsAt'] },
  { error: new MonitorKindMismatch(['hops do not apply to a push monitor']), statusCode: 400, message: ['hops do not apply to a push monitor'] },
  { error: new StatusPageNotFound('p1'), statusCode: 404, message: 'status page p1 does not exist' },
  { error: new InvalidStatusPage(['siteIds or tags must name at least one site or tag']), statusCode: 400, message: ['siteIds or tags must name at least one site or tag'] },
  { error: new StatusPageSlugTaken('shop'), statusCode: 409, message: 'slug "shop" is already used by another status page' },
];

describe('domain errors as HTTP answers', () => {
  it('covers every code with a case here', () => {
    expect(new Set(cases.map(({ error }) => error.code))).toEqual(new Set(Object.keys(DOMAIN_ERROR_STATUS)));
  });

  it.each(cases)('$error.code → $statusCode', ({ error, statusCode, message }) => {
    expect(DOMAIN_ERROR_STATUS[error.code].statusCode).toBe(statusCode);
    expect(isRejected(error) ? error.reasons : error.message).toEqual(message);
  });
});
