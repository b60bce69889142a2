// Slack, Teams, Discord, Telegram, PagerDuty and ntfy: render the service's JSON, POST it once under
// the same target policy, deadline and outcome rules as webhooks.
import type { ProbeEnvironment } from '@hopwatch/probes';
import type { Channel } from '../channel';
import type { DeliveryOutcome } from '../delivery-outcome';
import type { AlertMessage } from '../message';
import { guardedPost } from '../webhook/guarded-post';
import { WEBHOOK_DEFAULTS } from '../webhook/webhook.channel';
import { chatRequest } from './chat-request';
import type { ChatEndpoints, ChatTarget } from './chat-target';

export type ChatChannelOptions = {
  env: ProbeEnvironment;
  endpoints: ChatEndpoints;
  /** Deadline of one attempt. Default 10 s, like webhooks. */
  timeoutMs?: number;
};

export const CHAT_ENDPOINT_DEFAULTS: ChatEndpoints = {
  telegramApiUrl: 'https://api.telegram.org',
  pagerdutyEventsUrl: 'https://events.pagerduty.com/v2/enqueue',
};

export class ChatChannel implements Channel<ChatTarget> {
  constructor(private readonly options: ChatChannelOptions) {}

  deliver(message: AlertMessage, target: ChatTarget): Promise<DeliveryOutcome> {
    const request = chatRequest(message, target, this.options.endpoints);
    const headers = { 'content-type': 'application/json', 'user-agent': WEBHOOK_DEFAULTS.userAgent, ...request.headers };
    return guardedPost(request.url, Buffer.from(JSON.stringify(request.body), 'utf8'), headers, {
      env: this.options.env,
      timeoutMs: this.options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs,
      maxResponseBytes: WEBHOOK_DEFAULTS.maxResponseBytes,
    });
  }
}
