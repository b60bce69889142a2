// A PagerDuty Events API v2 event. The dedup_key is the incident id: opened, updated and flapping
// notices `trigger` the same PagerDuty alert, and the resolved notice `resolve`s exactly that one.
import { chatNotice, truncate } from '../chat/chat-notice';
import type { AlertMessage } from '../message';

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

export type PagerDutyTrigger = {
  routing_key: string;
  event_action: 'trigger';
  dedup_key: string;
  payload: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    timestamp: string;
    component?: string;
    group?: string;
    class?: string;
    custom_details: Record<string, unknown>;
  };
  client: 'hopwatch';
  client_url?: string;
  links: Array<{ href: string; text: string }>;
};

export type PagerDutyResolve = { routing_key: string; event_action: 'resolve'; dedup_key: string };

export type PagerDutyEvent = PagerDutyTrigger | PagerDutyResolve;

// PagerDuty truncates a summary past 1024 characters and refuses a dedup_key past 255.
const SUMMARY_MAX = 1024;
const DEDUP_KEY_MAX = 255;

const SEVERITIES: Record<AlertMessage['type'], PagerDutySeverity> = {
  'incident.opened': 'critical',
  'incident.updated': 'critical',
  'incident.flapping': 'warning',
  'incident.resolved': 'info',
  'certificate.expiring': 'warning',
  test: 'info',
};

export function pagerDutyEvent(message: AlertMessage, routingKey: string): PagerDutyEvent {
  const dedupKey = truncate(message.incident?.id ?? certificateKey(message) ?? `hopwatch-test-${message.id}`, DEDUP_KEY_MAX);
  if (message.type === 'incident.resolved') return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey };
  const notice = chatNotice(message);
  const diagnosis = message.incident?.diagnosis;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: truncate(notice.summary ? `${notice.title}: ${notice.summary}` : notice.title, SUMMARY_MAX),
      source: message.site ? hostOf(message.site.url) : 'hopwatch',
      severity: SEVERITIES[message.type],
      timestamp: message.timestamp,
      ...(diagnosis?.failingHop ? { component: diagnosis.failingHop } : {}),
      ...(message.site ? { group: message.site.name } : {}),
      ...(diagnosis ? { class: diagnosis.cause } : {}),
      custom_details: Object.fromEntries(notice.facts.map((fact) => [fact.label, fact.value])),
    },
    client: 'hopwatch',
    ...(notice.link ? { client_url: notice.link } : {}),
    links: notice.link ? [{ href: notice.link, text: 'Incident in hopwatch' }] : [],
  };
}

/** One PagerDuty alert per certificate: its later threshold notices update the same alert. */
function certificateKey({ certificate, site }: AlertMessage): string | null {
  return certificate && site ? `hopwatch-certificate-${site.id}-${certificate.target}-${certificate.validTo}` : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
