// The JSON a webhook receiver gets (DESIGN §5): `{ type, timestamp, data }`, built once per message and
// serialised once, so the bytes signed are the bytes sent and every retry sends the same body.
import type { AlertCertificate, AlertIncident, AlertMessage, AlertSite, AlertType } from '../message';

export const WEBHOOK_EVENT_TYPES = ['incident.opened', 'incident.updated', 'incident.resolved', 'certificate.expiring', 'test'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Set when an `incident.updated` is a notice rather than a change of diagnosis. */
export type WebhookNotice = 'flapping';

export type WebhookPayload = {
  type: WebhookEventType;
  /** ISO 8601 time of the event; the same on every attempt (the attempt's time is the `webhook-timestamp` header). */
  timestamp: string;
  data: {
    /** `flapping` when the incident started flapping (then `incident.flapping` is true); null otherwise. */
    notice: WebhookNotice | null;
    site: AlertSite | null;
    incident: AlertIncident | null;
    /** Set only on `certificate.expiring`. */
    certificate: AlertCertificate | null;
    link: string | null;
  };
};

/**
 * The wire type of an alert. The public contract has four types; a flapping notice is an update of the
 * incident, so it goes out as `incident.updated` with `data.notice = 'flapping'`, and receivers that only
 * know the four types still handle it.
 */
export function webhookEventType(type: AlertType): WebhookEventType {
  return type === 'incident.flapping' ? 'incident.updated' : type;
}

export function webhookPayload(message: AlertMessage): WebhookPayload {
  return {
    type: webhookEventType(message.type),
    timestamp: message.timestamp,
    data: {
      notice: message.type === 'incident.flapping' ? 'flapping' : null,
      site: message.site,
      incident: message.incident,
      certificate: message.certificate,
      link: message.link,
    },
  };
}

/** The exact body bytes: sign these and send these, never a re-serialisation. */
export function webhookBody(message: AlertMessage): Buffer {
  return Buffer.from(JSON.stringify(webhookPayload(message)), 'utf8');
}
