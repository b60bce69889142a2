import { DomainErrorCode } from '@hopwatch/domain';

type HttpAnswer = { statusCode: number; error: string };

const NOT_FOUND: HttpAnswer = { statusCode: 404, error: 'Not Found' };
const BAD_REQUEST: HttpAnswer = { statusCode: 400, error: 'Bad Request' };
const CONFLICT: HttpAnswer = { statusCode: 409, error: 'Conflict' };

/** Every domain failure's HTTP answer; a code missing here is a compile error. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, HttpAnswer> = {
  site_not_found: NOT_FOUND,
  incident_not_found: NOT_FOUND,
  alert_channel_not_found: NOT_FOUND,
  api_key_not_found: NOT_FOUND,
  maintenance_window_not_found: NOT_FOUND,
  status_page_not_found: NOT_FOUND,
  target_denied: BAD_REQUEST,
  unknown_alert_channel: BAD_REQUEST,
  invalid_range: BAD_REQUEST,
  invalid_cursor: BAD_REQUEST,
  invalid_maintenance_window: BAD_REQUEST,
  monitor_kind_mismatch: BAD_REQUEST,
  invalid_status_page: BAD_REQUEST,
  status_page_slug_taken: CONFLICT,
};
