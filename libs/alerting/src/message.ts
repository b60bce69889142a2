// What a channel is asked to deliver: one event about one incident, already decided on and frozen.
import type { Diagnosis, Pattern } from '@hopwatch/domain';

export const ALERT_TYPES = ['incident.opened', 'incident.updated', 'incident.resolved', 'incident.flapping', 'certificate.expiring', 'test'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export type AlertSite = { id: string; name: string; url: string };

export type AlertIncident = {
  id: string;
  status: 'open' | 'resolved';
  pattern: Pattern;
  flapping: boolean;
  /** Every region the incident has affected so far. */
  regions: string[];
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601; null while open. */
  resolvedAt: string | null;
  /** Set once resolved. */
  durationSeconds: number | null;
  /** The incident falls in a maintenance window of its site. */
  inMaintenance: boolean;
  diagnosis: Diagnosis;
  /**
   * For a root incident: every site failing at the shared hop (its own first), so one notice speaks for all of
   * them; just the site itself otherwise.
   */
  affectedSites: string[];
};

/** A checked certificate nearing its end (`certificate.expiring`). */
export type AlertCertificate = {
  /** `entry` or the hop's name. */
  target: string;
  issuer: string | null;
  subject: string | null;
  /** ISO 8601. */
  validTo: string;
  daysLeft: number;
  /** The warning threshold it crossed (one of HOPWATCH_CERT_WARNING_DAYS). */
  thresholdDays: number;
};

export type AlertMessage = {
  /**
   * Stable per (event, channel) and the same on every attempt: the `webhook-id` header and the email
   * Message-ID, so receivers can drop duplicates. Must not contain `.` (Standard Webhooks signs `id.timestamp.body`).
   */
  id: string;
  type: AlertType;
  /** ISO 8601 time of the event (not of the delivery attempt). */
  timestamp: string;
  /** Null only for a channel's test notification, which belongs to no site. */
  site: AlertSite | null;
  /** Null for `test` and `certificate.expiring`. */
  incident: AlertIncident | null;
  /** Set only for `certificate.expiring`. */
  certificate: AlertCertificate | null;
  /** URL of the incident in the API; null when no public URL is configured. */
  link: string | null;
};
