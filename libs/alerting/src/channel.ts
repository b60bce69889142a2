// The one shape every channel has, and the facade the notifier calls: a message in, an outcome out.
import { ChatChannel, type ChatChannelOptions } from './chat/chat.channel';
import type { ChatTarget } from './chat/chat-target';
import type { DeliveryOutcome } from './delivery-outcome';
import { failed } from './delivery-outcome';
import { EmailChannel, type EmailChannelOptions, type EmailTarget } from './email/email.channel';
import type { AlertMessage } from './message';
import { WebhookChannel, type WebhookChannelOptions, type WebhookTarget } from './webhook/webhook.channel';

/**
 * Delivers one message to one target, once. Never throws for delivery problems: they come back as
 * `retry` (worth another attempt later) or `failed` (permanent). Retrying and recording is the caller's job.
 */
export interface Channel<Target> {
  deliver(message: AlertMessage, target: Target): Promise<DeliveryOutcome>;
}

export type AlertSenderOptions = {
  webhook: WebhookChannelOptions;
  /** Slack, Teams, Discord, Telegram, PagerDuty and ntfy. */
  chat: ChatChannelOptions;
  /** Null when no SMTP server is configured: every email then fails with a message saying so. */
  email: EmailChannelOptions | null;
};

export class AlertSender {
  constructor(
    private readonly webhook: Channel<WebhookTarget>,
    private readonly email: (Channel<EmailTarget> & { close?(): void }) | null,
    private readonly chat: Channel<ChatTarget>,
  ) {}

  static create(options: AlertSenderOptions): AlertSender {
    return new AlertSender(new WebhookChannel(options.webhook), options.email ? new EmailChannel(options.email) : null, new ChatChannel(options.chat));
  }

  sendEmail(message: AlertMessage, to: string[]): Promise<DeliveryOutcome> {
    if (!this.email) return Promise.resolve(failed('email is not configured (HOPWATCH_SMTP_URL is not set)'));
    return this.email.deliver(message, { to });
  }

  sendWebhook(message: AlertMessage, url: string, secret: string): Promise<DeliveryOutcome> {
    return this.webhook.deliver(message, { url, secret });
  }

  sendChat(message: AlertMessage, target: ChatTarget): Promise<DeliveryOutcome> {
    return this.chat.deliver(message, target);
  }

  /** Closes the SMTP pool; call on shutdown. */
  close(): void {
    this.email?.close?.();
  }
}
