// A Discord webhook message: one embed (title linking to the incident, a coloured bar, the facts as
// inline fields) and no pings, whatever a site name contains.
import { chatNotice, truncate, type NoticeTone } from '../chat/chat-notice';
import type { AlertMessage } from '../message';

export type DiscordEmbed = {
  title: string;
  description: string;
  url?: string;
  color: number;
  fields: Array<{ name: string; value: string; inline: boolean }>;
  timestamp: string;
  footer: { text: string };
};

export type DiscordMessage = { username: string; allowed_mentions: { parse: [] }; embeds: DiscordEmbed[] };

// Discord limits: title 256, description 4096, 25 fields, field name 256 and value 1024.
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;
const FIELDS_MAX = 25;
const FIELD_VALUE_MAX = 1024;

export const DISCORD_COLOURS: Record<NoticeTone, number> = { down: 0xd93f0b, warning: 0xf5a623, up: 0x2ea043, info: 0x3b82f6 };

export function discordMessage(message: AlertMessage): DiscordMessage {
  const notice = chatNotice(message);
  const description = [escapeDiscord(notice.headline), notice.summary ? escapeDiscord(notice.summary) : null].filter(Boolean).join('\n\n');
  const embed: DiscordEmbed = {
    title: truncate(notice.title, TITLE_MAX),
    description: truncate(description, DESCRIPTION_MAX),
    ...(notice.link ? { url: notice.link } : {}),
    color: DISCORD_COLOURS[notice.tone],
    fields: notice.facts.slice(0, FIELDS_MAX).map((fact) => ({ name: fact.label, value: truncate(escapeDiscord(fact.value), FIELD_VALUE_MAX), inline: true })),
    timestamp: message.timestamp,
    footer: { text: 'hopwatch' },
  };
  return { username: 'hopwatch', allowed_mentions: { parse: [] }, embeds: [embed] };
}

/** Backslash-escapes Discord's markdown, so `*prod*` in a name stays literal. */
export function escapeDiscord(value: string): string {
  return value.replace(/[\\*_~`|>]/g, (character) => `\\${character}`);
}
