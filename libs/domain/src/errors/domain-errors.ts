// The failures a request can meet, named where they arise. Each carries a code; the API maps every code
// to an HTTP answer in one exhaustive table, so a new failure without a mapping does not compile.

export type NotFoundCode =
  | 'site_not_found'
  | 'incident_not_found'
  | 'alert_channel_not_found'
  | 'api_key_not_found'
  | 'maintenance_window_not_found'
  | 'status_page_not_found';
export type RejectedCode =
  | 'target_denied'
  | 'unknown_alert_channel'
  | 'invalid_range'
  | 'invalid_cursor'
  | 'invalid_maintenance_window'
  | 'invalid_status_page'
  | 'monitor_kind_mismatch';
export type ConflictCode = 'status_page_slug_taken';
export type DomainErrorCode = NotFoundCode | RejectedCode | ConflictCode;

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

/** Something the request names does not exist. */
abstract class NotFound extends DomainError {
  abstract override readonly code: NotFoundCode;

  constructor(what: string, readonly id: string) {
    super(`${what} ${id} does not exist`);
  }
}

export class SiteNotFound extends NotFound {
  readonly code = 'site_not_found';
  constructor(id: string) {
    super('site', id);
  }
}

export class IncidentNotFound extends NotFound {
  readonly code = 'incident_not_found';
  constructor(id: string) {
    super('incident', id);
  }
}

export class AlertChannelNotFound extends NotFound {
  readonly code = 'alert_channel_not_found';
  constructor(id: string) {
    super('alert channel', id);
  }
}

export class ApiKeyNotFound extends NotFound {
  readonly code = 'api_key_not_found';
  constructor(id: string) {
    super('API key', id);
  }
}

export class MaintenanceWindowNotFound extends NotFound {
  readonly code = 'maintenance_window_not_found';
  constructor(id: string) {
    super('maintenance window', id);
  }
}

export class StatusPageNotFound extends NotFound {
  readonly code = 'status_page_not_found';
  constructor(id: string) {
    super('status page', id);
  }
}

/** The request is well-formed but asks for something that cannot be; `reasons` are "field reason" sentences. */
abstract class Rejected extends DomainError {
  abstract override readonly code: RejectedCode;

  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}

/** A target (site URL, hop URL or connectTo, webhook URL) is a literal address the target policy denies. */
export class TargetDenied extends Rejected {
  readonly code = 'target_denied';
}

export class UnknownAlertChannel extends Rejected {
  readonly code = 'unknown_alert_channel';
  constructor(ids: string[]) {
    super([`alertChannelIds has unknown alert channels: ${ids.join(', ')}`]);
  }
}

/** A time range (from/to, window, bucket) that cannot be answered. */
export class InvalidRange extends Rejected {
  readonly code = 'invalid_range';
  constructor(reason: string) {
    super([reason]);
  }
}

export class InvalidCursor extends Rejected {
  readonly code = 'invalid_cursor';
  constructor() {
    super(['cursor is not a cursor this API gave out']);
  }
}

export class InvalidMaintenanceWindow extends Rejected {
  readonly code = 'invalid_maintenance_window';
}

/** What a status page would show is not there: no site or tag named, or sites that do not exist. */
export class InvalidStatusPage extends Rejected {
  readonly code = 'invalid_status_page';
}

/** Fields that do not fit the kind of monitor: a push monitor with a url, a dns:// site without its expected answers, … */
export class MonitorKindMismatch extends Rejected {
  readonly code = 'monitor_kind_mismatch';
}

/** Another status page already has the slug. */
export class StatusPageSlugTaken extends DomainError {
  readonly code = 'status_page_slug_taken';
  constructor(readonly slug: string) {
    super(`slug "${slug}" is already used by another status page`);
  }
}

export function isRejected(error: DomainError): error is Rejected {
  return error instanceof Rejected;
}
