// A Slack incoming-webhook message in Block Kit: a header, the headline, the facts as fields, the
// summary, and a button to the incident; `text` is the fallback Slack shows in notifications.
import { chatNotice, truncate } from '../chat/chat-notice';
import type { AlertMessage } from '../message';

type TextObject = { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'actions'; elements: Array<{ type: 'button'; text: TextObject; url: string; style?: 'primary' | 'danger' }> };

export type SlackMessage = { text: string; blocks: SlackBlock[] };

// Block Kit limits: a header's text 150 characters, a section's text 3000, at most 10 fields of 2000.
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELDS_MAX = 10;
const FIELD_MAX = 2000;

export function slackMessage(message: AlertMessage): SlackMessage {
  const notice = chatNotice(message);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(notice.title, HEADER_MAX), emoji: true } },
    { type: 'section', text: mrkdwn(truncate(escapeSlack(notice.headline), SECTION_MAX)) },
  ];
  if (notice.facts.length > 0) {
    blocks.push({ type: 'section', fields: notice.facts.slice(0, FIELDS_MAX).map((fact) => mrkdwn(truncate(`*${fact.label}*\n${escapeSlack(fact.value)}`, FIELD_MAX))) });
  }
  if (notice.summary) blocks.push({ type: 'section', text: mrkdwn(truncate(`*Summary*\n${escapeSlack(notice.summary)}`, SECTION_MAX)) });
  if (notice.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open incident' }, url: notice.link }] });
  return { text: escapeSlack(notice.title), blocks };
}

/** Slack's mrkdwn reserves only these three; escaping them keeps a site name from mentioning `<!channel>`. */
export function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mrkdwn(text: string): TextObject {
  return { type: 'mrkdwn', text };
}
