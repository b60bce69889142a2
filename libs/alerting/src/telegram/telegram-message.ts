// A Telegram Bot API `sendMessage` call with `parse_mode: HTML`: bold title, the facts one per line,
// the summary and a link to the incident; everything user-given is HTML-escaped.
import { chatNotice, truncate } from '../chat/chat-notice';
import { escapeHtml } from '../email/render-email';
import type { AlertMessage } from '../message';

export type TelegramSendMessage = {
  chat_id: string;
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true };
};

// Telegram refuses a text longer than 4096 characters; the summary is the part that may be long.
const TEXT_MAX = 4096;

export function telegramMessage(message: AlertMessage, chatId: string): TelegramSendMessage {
  const notice = chatNotice(message);
  const head = [`<b>${escapeHtml(notice.title)}</b>`, escapeHtml(notice.headline)];
  if (notice.facts.length > 0) head.push('', ...notice.facts.map((fact) => `<b>${escapeHtml(fact.label)}:</b> ${escapeHtml(fact.value)}`));
  const tail = notice.link && /^https?:\/\//i.test(notice.link) ? ['', `<a href="${escapeHtml(notice.link)}">Open incident</a>`] : [];
  const fixed = [...head, ...tail].join('\n').length;
  const summary = notice.summary ? ['', escapeHtml(truncate(notice.summary, Math.max(0, TEXT_MAX - fixed - 200)))] : [];
  return { chat_id: chatId, text: [...head, ...summary, ...tail].join('\n'), parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
}

/** `https://api.telegram.org/bot<token>/sendMessage`: the token is part of the path, so this URL is a secret. */
export function telegramSendMessageUrl(apiUrl: string, botToken: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/bot${botToken}/sendMessage`;
}
