// An ntfy publish-as-JSON body (POSTed to the server's root): title, plain-text message, a priority
// from the notice's tone, emoji tags, and a click/view action opening the incident.
import { chatNotice, type NoticeTone } from '../chat/chat-notice';
import type { AlertMessage } from '../message';

/** Where an ntfy channel without its own `url` publishes. */
export const NTFY_DEFAULT_SERVER = 'https://ntfy.sh';

export type NtfyPriority = 1 | 2 | 3 | 4 | 5;

export type NtfyMessage = {
  topic: string;
  title: string;
  message: string;
  priority: NtfyPriority;
  tags: string[];
  click?: string;
  actions?: Array<{ action: 'view'; label: string; url: string }>;
};

const PRIORITIES: Record<NoticeTone, NtfyPriority> = { down: 5, warning: 4, up: 3, info: 3 };
const TONE_TAGS: Record<NoticeTone, string> = { down: 'rotating_light', warning: 'warning', up: 'white_check_mark', info: 'bell' };

export function ntfyMessage(message: AlertMessage, topic: string): NtfyMessage {
  const notice = chatNotice(message);
  const lines = [notice.headline, ...notice.facts.map((fact) => `${fact.label}: ${fact.value}`)];
  if (notice.summary) lines.push('', notice.summary);
  const cause = message.incident?.diagnosis.cause;
  return {
    topic,
    title: notice.title,
    message: lines.join('\n'),
    priority: PRIORITIES[notice.tone],
    tags: [TONE_TAGS[notice.tone], ...(cause && message.type !== 'incident.resolved' ? [cause] : [])],
    ...(notice.link ? { click: notice.link, actions: [{ action: 'view' as const, label: 'Open incident', url: notice.link }] } : {}),
  };
}
