// The facts an alert email states, computed once so the text and HTML parts cannot disagree.
import { GATEWAY_LABELS, type Diagnosis } from '@hopwatch/domain';
import type { AlertCertificate, AlertIncident, AlertMessage } from '../message';
import { resolutionSentence } from '../resolution';

export type Fact = { label: string; value: string };

export type EmailFacts = {
  /** One line saying what happened. */
  headline: string;
  facts: Fact[];
  summary: string | null;
  nextSteps: string[];
  evidence: string[];
  maintenanceNote: string | null;
  link: string | null;
};

const MAX_EVIDENCE = 5;

export function emailFacts(message: AlertMessage): EmailFacts {
  const incident = message.incident;
  // a resolved notice tells what it was and that it is over; the steps and evidence were for while it lasted
  const over = message.type === 'incident.resolved';
  return {
    headline: headline(message),
    facts: [...siteFacts(message), ...(incident ? incidentFacts(incident) : []), ...(message.certificate ? certificateFacts(message.certificate) : [])],
    summary: incident ? (over ? resolutionSentence({ ...incident, sitesAffected: incident.affectedSites.length }) : incident.diagnosis.summary) : null,
    nextSteps: over ? [] : incident?.diagnosis.nextSteps ?? [],
    evidence: over ? [] : (incident?.diagnosis.evidence ?? []).slice(0, MAX_EVIDENCE).map((entry) => entry.observation),
    maintenanceNote: incident?.inMaintenance ? 'This incident falls in a maintenance window of the site.' : null,
    link: message.link,
  };
}

export function headline(message: AlertMessage): string {
  const name = message.site?.name ?? 'the site';
  const duration = message.incident?.durationSeconds;
  switch (message.type) {
    case 'incident.opened': {
      const others = (message.incident?.affectedSites.length ?? 1) - 1;
      return others > 0 ? `${name} and ${others} other site${others === 1 ? '' : 's'} are DOWN, failing at one shared hop.` : `${name} is DOWN.`;
    }
    case 'incident.updated':
      return `The incident on ${name} changed.`;
    case 'incident.resolved': {
      const others = (message.incident?.affectedSites.length ?? 1) - 1;
      const who = others > 0 ? `${name} and ${others} other site${others === 1 ? '' : 's'} are` : `${name} is`;
      return duration == null ? `${who} back UP.` : `${who} back UP after ${formatDuration(duration)}.`;
    }
    case 'incident.flapping':
      return `${name} is FLAPPING: it keeps failing and recovering, so the incident stays open until it settles.`;
    case 'certificate.expiring': {
      const certificate = message.certificate;
      return certificate
        ? `The certificate of ${name}'s ${certificate.target === 'entry' ? 'entry' : `hop ${certificate.target}`} expires in ${formatDays(certificate.daysLeft)}: renew it.`
        : `A certificate of ${name} expires soon: renew it.`;
    }
    case 'test':
      return 'This is a test notification from hopwatch. If you can read it, the channel works.';
  }
}

/** `4m 12s`, `1h 5m`, `2d 3h`, `45s`: the largest unit and the next one when it is not zero. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const units: Array<[string, number]> = [
    ['d', Math.floor(seconds / 86_400)],
    ['h', Math.floor(seconds / 3600) % 24],
    ['m', Math.floor(seconds / 60) % 60],
    ['s', seconds % 60],
  ];
  const first = units.findIndex(([, amount]) => amount > 0);
  if (first < 0) return '0s';
  const shown = units.slice(first, first + 2).filter(([, amount], index) => index === 0 || amount > 0);
  return shown.map(([unit, amount]) => `${amount}${unit}`).join(' ');
}

/** `2025-11-22 00:04:12 UTC`; anything unparsable is shown as given. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function gatewayLabel(diagnosis: Diagnosis): string | null {
  return diagnosis.gateway === 'unknown' ? null : GATEWAY_LABELS[diagnosis.gateway];
}

function siteFacts(message: AlertMessage): Fact[] {
  if (!message.site) return [];
  return [
    { label: 'Site', value: message.site.name },
    { label: 'URL', value: message.site.url },
  ];
}

function incidentFacts(incident: AlertIncident): Fact[] {
  const diagnosis = incident.diagnosis;
  const facts: Array<Fact | null> = [
    { label: 'State', value: incident.status === 'open' ? (incident.flapping ? 'open (flapping)' : 'open') : 'resolved' },
    { label: 'Pattern', value: incident.pattern },
    { label: 'Cause', value: diagnosis.cause },
    optional('Failing hop', diagnosis.failingHop),
    optional('Reported by', diagnosis.reportedBy),
    optional('Gateway', gatewayLabel(diagnosis)),
    { label: 'Confidence', value: `${Math.round(diagnosis.confidence * 100)}%` },
    optional('Proxy-Status', diagnosis.proxyStatus),
    optional('Also noticed', diagnosis.hints.length > 0 ? diagnosis.hints.join(', ') : null),
    optional('Affected sites', incident.affectedSites.length > 1 ? `${incident.affectedSites.length}: ${incident.affectedSites.join(', ')}` : null),
    { label: 'Regions', value: incident.regions.length > 0 ? incident.regions.join(', ') : '-' },
    { label: 'Started', value: formatTime(incident.startedAt) },
    optional('Resolved', incident.resolvedAt === null ? null : formatTime(incident.resolvedAt)),
    optional('Duration', incident.durationSeconds === null ? null : formatDuration(incident.durationSeconds)),
  ];
  return facts.filter((fact): fact is Fact => fact !== null);
}

export function certificateFacts(certificate: AlertCertificate): Fact[] {
  const facts: Array<Fact | null> = [
    { label: 'Checked at', value: certificate.target },
    optional('Issuer', certificate.issuer),
    optional('Subject', certificate.subject),
    { label: 'Expires', value: formatTime(certificate.validTo) },
    { label: 'Days left', value: formatDays(certificate.daysLeft) },
    { label: 'Warning at', value: `${certificate.thresholdDays} days` },
  ];
  return facts.filter((fact): fact is Fact => fact !== null);
}

/** `2.5 days`, `1 day`, `0.4 days`. */
export function formatDays(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}

function optional(label: string, value: string | null): Fact | null {
  return value === null || value === '' ? null : { label, value };
}
