// libs/alerting: email, signed-webhook and chat (Slack, Teams, Discord, Telegram, PagerDuty, ntfy) channels. A message in, a delivery outcome out; no database, no queue.
export { ALERT_TYPES, type AlertType, type AlertMessage, type AlertSite, type AlertIncident } from './message';
export { type DeliveryOutcome, delivered, retry, failed, outcomeForHttpStatus } from './delivery-outcome';
export { AlertSender, type AlertSenderOptions, type Channel } from './channel';
export {
  WEBHOOK_SECRET_PREFIX,
  WEBHOOK_HEADERS,
  DEFAULT_TOLERANCE_SECONDS,
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  type WebhookHeaderSource,
  type WebhookVerification,
} from './webhook/standard-webhooks';
export {
  WEBHOOK_EVENT_TYPES,
  webhookEventType,
  webhookPayload,
  webhookBody,
  type WebhookEventType,
  type WebhookNotice,
  type WebhookPayload,
} from './webhook/webhook-payload';
export { WebhookChannel, WEBHOOK_DEFAULTS, type WebhookChannelOptions, type WebhookTarget } from './webhook/webhook.channel';
export { EmailChannel, EMAIL_DEFAULTS, emailMessageId, type EmailChannelOptions, type EmailTarget } from './email/email.channel';
export { renderEmail, renderSubject, escapeHtml, type RenderedEmail } from './email/render-email';
export { formatDuration } from './email/email-facts';
export { resolutionSentence, type ResolvedIncident } from './resolution';
export { CHAT_KINDS, type ChatKind, type ChatTarget, type ChatEndpoints, type ChatRequest } from './chat/chat-target';
export { ChatChannel, CHAT_ENDPOINT_DEFAULTS, type ChatChannelOptions } from './chat/chat.channel';
export { chatRequest } from './chat/chat-request';
export { chatNotice, type ChatNotice, type NoticeTone } from './chat/chat-notice';
export { slackMessage, type SlackMessage } from './slack/slack-message';
export { teamsMessage, type TeamsMessage } from './teams/teams-card';
export { discordMessage, type DiscordMessage } from './discord/discord-embed';
export { telegramMessage, type TelegramSendMessage } from './telegram/telegram-message';
export { pagerDutyEvent, type PagerDutyEvent } from './pagerduty/pagerduty-event';
export { ntfyMessage, NTFY_DEFAULT_SERVER, type NtfyMessage } from './ntfy/ntfy-message';
