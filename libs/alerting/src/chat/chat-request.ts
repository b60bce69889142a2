// Which service gets which body at which URL: the one place that maps a chat target to its renderer.
import { discordMessage } from '../discord/discord-embed';
import type { AlertMessage } from '../message';
import { ntfyMessage } from '../ntfy/ntfy-message';
import { pagerDutyEvent } from '../pagerduty/pagerduty-event';
import { slackMessage } from '../slack/slack-message';
import { teamsMessage } from '../teams/teams-card';
import { telegramMessage, telegramSendMessageUrl } from '../telegram/telegram-message';
import type { ChatEndpoints, ChatRequest, ChatTarget } from './chat-target';

export function chatRequest(message: AlertMessage, target: ChatTarget, endpoints: ChatEndpoints): ChatRequest {
  switch (target.kind) {
    case 'slack':
      return { url: target.url, body: slackMessage(message) };
    case 'teams':
      return { url: target.url, body: teamsMessage(message) };
    case 'discord':
      return { url: target.url, body: discordMessage(message) };
    case 'telegram':
      return { url: telegramSendMessageUrl(endpoints.telegramApiUrl, target.botToken), body: telegramMessage(message, target.chatId) };
    case 'pagerduty':
      return { url: endpoints.pagerdutyEventsUrl, body: pagerDutyEvent(message, target.routingKey) };
    case 'ntfy':
      return { url: target.url, body: ntfyMessage(message, target.topic), ...(target.token ? { headers: { authorization: `Bearer ${target.token}` } } : {}) };
  }
}
