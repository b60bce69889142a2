// A Microsoft Teams Workflows webhook message: one Adaptive Card attachment with the title, the
// headline, a FactSet, the summary and an "Open incident" action.
import { chatNotice, type NoticeTone } from '../chat/chat-notice';
import type { AlertMessage } from '../message';

type TextBlock = { type: 'TextBlock'; text: string; wrap: true; size?: 'Large' | 'Medium'; weight?: 'Bolder'; color?: string; isSubtle?: boolean };
type FactSet = { type: 'FactSet'; facts: Array<{ title: string; value: string }> };

export type AdaptiveCard = {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  body: Array<TextBlock | FactSet>;
  actions: Array<{ type: 'Action.OpenUrl'; title: string; url: string }>;
};

export type TeamsMessage = {
  type: 'message';
  attachments: Array<{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }>;
};

const COLOURS: Record<NoticeTone, string> = { down: 'Attention', warning: 'Warning', up: 'Good', info: 'Accent' };

export function teamsMessage(message: AlertMessage): TeamsMessage {
  const notice = chatNotice(message);
  const body: AdaptiveCard['body'] = [
    { type: 'TextBlock', text: notice.title, wrap: true, size: 'Large', weight: 'Bolder', color: COLOURS[notice.tone] },
    { type: 'TextBlock', text: notice.headline, wrap: true },
  ];
  if (notice.facts.length > 0) body.push({ type: 'FactSet', facts: notice.facts.map((fact) => ({ title: fact.label, value: fact.value })) });
  if (notice.summary) body.push({ type: 'TextBlock', text: notice.summary, wrap: true, isSubtle: true });
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    actions: notice.link ? [{ type: 'Action.OpenUrl', title: 'Open incident', url: notice.link }] : [],
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
