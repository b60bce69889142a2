// What every chat-style channel says about one alert, computed once so Slack, Teams, Discord, Telegram,
// PagerDuty and ntfy cannot disagree on the facts; each renderer only decides the layout.
import type { AlertMessage } from '../message';
import { certificateFacts, formatDuration, gatewayLabel, headline, type Fact } from '../email/email-facts';
import { subjectBody } from '../email/render-email';

/** How alarming the notice is: renderers map it to a colour, a priority or a severity. */
export type NoticeTone = 'down' | 'warning' | 'up' | 'info';

export type ChatNotice = {
  /** `DOWN shop — origin_down at app (nginx)`. */
  title: string;
  /** One sentence: `shop is DOWN.` */
  headline: string;
  tone: NoticeTone;
  /** Site, state, cause, failing hop, gateway, …; unknown facts are left out. */
  facts: Fact[];
  summary: string | null;
  link: string | null;
};

const TONES: Record<AlertMessage['type'], NoticeTone> = {
  'incident.opened': 'down',
  'incident.updated': 'warning',
  'incident.flapping': 'warning',
  'incident.resolved': 'up',
  'certificate.expiring': 'warning',
  test: 'info',
};

export function chatNotice(message: AlertMessage): ChatNotice {
  const maintenance = message.incident?.inMaintenance ? ' [maintenance]' : '';
  return {
    title: oneLine(`${subjectBody(message)}${maintenance}`),
    headline: headline(message),
    tone: TONES[message.type],
    facts: noticeFacts(message),
    summary: message.incident?.diagnosis.summary ?? null,
    link: message.link,
  };
}

function noticeFacts(message: AlertMessage): Fact[] {
  const { site, incident } = message;
  const diagnosis = incident?.diagnosis;
  const facts: Array<[string, string | null | undefined]> = [
    ['Site', site?.name],
    ['URL', site?.url],
    ['State', incident ? stateOf(incident.status, incident.flapping) : null],
    ['Cause', diagnosis?.cause],
    ['Failing hop', diagnosis?.failingHop],
    ['Reported by', diagnosis?.reportedBy],
    ['Gateway', diagnosis ? gatewayLabel(diagnosis) : null],
    ['Pattern', incident?.pattern],
    ['Regions', incident && incident.regions.length > 0 ? incident.regions.join(', ') : null],
    ['Duration', incident?.durationSeconds == null ? null : formatDuration(incident.durationSeconds)],
  ];
  const known = facts.filter((fact): fact is [string, string] => typeof fact[1] === 'string' && fact[1] !== '').map(([label, value]) => ({ label, value }));
  return message.certificate ? [...known, ...certificateFacts(message.certificate)] : known;
}

function stateOf(status: 'open' | 'resolved', flapping: boolean): string {
  if (status === 'resolved') return 'resolved';
  return flapping ? 'open (flapping)' : 'open';
}

/** Chat titles are single lines; user-given names must not break them. */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Cuts `value` to at most `max` characters, marking the cut, so a service's length limit never rejects a notice. */
export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
