// Subject, text and HTML of an alert email; pure, so every wording and every escape is unit-tested.
import type { AlertMessage } from '../message';
import { emailFacts, formatDays, formatDuration, gatewayLabel, type EmailFacts } from './email-facts';

export type RenderedEmail = { subject: string; text: string; html: string };

const SUBJECT_PREFIX = '[hopwatch]';

export function renderEmail(message: AlertMessage): RenderedEmail {
  const facts = emailFacts(message);
  return { subject: renderSubject(message), text: renderText(facts), html: renderHtml(facts) };
}

/** `[hopwatch] DOWN shop — origin_down at app (nginx)`, `[hopwatch] RESOLVED shop after 4m 12s`, … */
export function renderSubject(message: AlertMessage): string {
  const prefix = message.incident?.inMaintenance ? `${SUBJECT_PREFIX} [maintenance]` : SUBJECT_PREFIX;
  return oneLine(`${prefix} ${subjectBody(message)}`);
}

/** `DOWN shop — origin_down at app (nginx)`: the subject without its prefix, also the title of chat notices. */
export function subjectBody(message: AlertMessage): string {
  const name = message.site?.name ?? 'site';
  switch (message.type) {
    case 'incident.opened':
      return `DOWN ${name}${causeClause(message)}`;
    case 'incident.updated':
      return `UPDATED ${name}${causeClause(message)}`;
    case 'incident.resolved': {
      const duration = message.incident?.durationSeconds;
      return duration == null ? `RESOLVED ${name}` : `RESOLVED ${name} after ${formatDuration(duration)}`;
    }
    case 'incident.flapping':
      return `FLAPPING ${name}`;
    case 'certificate.expiring': {
      const certificate = message.certificate;
      return certificate ? `CERTIFICATE ${name} — ${certificate.target} expires in ${formatDays(certificate.daysLeft)}` : `CERTIFICATE ${name}`;
    }
    case 'test':
      return 'test notification';
  }
}

/** ` — origin_down at app (nginx)`; parts that are unknown are left out. */
function causeClause(message: AlertMessage): string {
  const diagnosis = message.incident?.diagnosis;
  if (!diagnosis) return '';
  const hop = diagnosis.failingHop ? ` at ${diagnosis.failingHop}` : '';
  const gateway = gatewayLabel(diagnosis);
  return ` — ${diagnosis.cause}${hop}${gateway ? ` (${gateway})` : ''}`;
}

export function renderText(facts: EmailFacts): string {
  const width = Math.max(0, ...facts.facts.map((fact) => fact.label.length)) + 2;
  const lines = [facts.headline, ''];
  lines.push(...facts.facts.map((fact) => `${`${fact.label}:`.padEnd(width)}${oneLine(fact.value)}`));
  if (facts.summary) lines.push('', 'Summary', facts.summary);
  if (facts.nextSteps.length > 0) lines.push('', 'Next steps', ...facts.nextSteps.map((step) => `- ${step}`));
  if (facts.evidence.length > 0) lines.push('', 'Evidence', ...facts.evidence.map((observation) => `- ${observation}`));
  if (facts.maintenanceNote) lines.push('', facts.maintenanceNote);
  if (facts.link) lines.push('', `Incident: ${facts.link}`);
  lines.push('', '-- ', 'Sent by hopwatch.');
  return `${lines.join('\n')}\n`;
}

export function renderHtml(facts: EmailFacts): string {
  const rows = facts.facts.map(
    (fact) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(fact.label)}</th><td>${escapeHtml(fact.value)}</td></tr>`,
  );
  const parts = [`<p><strong>${escapeHtml(facts.headline)}</strong></p>`];
  if (rows.length > 0) parts.push(`<table cellpadding="0" cellspacing="0">${rows.join('')}</table>`);
  if (facts.summary) parts.push('<h3>Summary</h3>', `<p>${escapeHtml(facts.summary)}</p>`);
  if (facts.nextSteps.length > 0) parts.push('<h3>Next steps</h3>', htmlList(facts.nextSteps));
  if (facts.evidence.length > 0) parts.push('<h3>Evidence</h3>', htmlList(facts.evidence));
  if (facts.maintenanceNote) parts.push(`<p><em>${escapeHtml(facts.maintenanceNote)}</em></p>`);
  if (facts.link) parts.push(`<p>${htmlLink(facts.link, 'Open the incident')}</p>`);
  parts.push('<p style="color:#888">Sent by hopwatch.</p>');
  return `<!doctype html><html><body style="font-family:sans-serif">${parts.join('')}</body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function htmlList(items: string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

/** Only http(s) URLs become links; anything else is shown as text, so no `javascript:` can be clicked. */
function htmlLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeHtml(url);
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a> (${escapeHtml(url)})`;
}

/** Header-safe: no line breaks or control characters from user-given names reach the Subject. */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
