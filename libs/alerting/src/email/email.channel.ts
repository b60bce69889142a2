// Alert email over a pooled SMTP transport (DESIGN §1, §5): one message per attempt, one Message-ID per
// (event, channel), so a resent duplicate is recognisable and mail clients thread an incident's messages.
import { createTransport, type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import type { Channel } from '../channel';
import { failed, type DeliveryOutcome } from '../delivery-outcome';
import type { AlertMessage } from '../message';
import { renderEmail } from './render-email';
import { smtpDelivered, smtpErrorOutcome } from './smtp-outcome';

export type EmailTarget = { to: string[] };

export type EmailChannelOptions = {
  /** `smtp://user:pass@host:port` or `smtps://…` (`HOPWATCH_SMTP_URL`); query parameters are nodemailer options. */
  smtpUrl: string;
  /** `alerts@example.com` or `"hopwatch" <alerts@example.com>` (`HOPWATCH_MAIL_FROM`). */
  from: string;
  /** Default 10 s. */
  connectionTimeoutMs?: number;
  /** Wait for the server's greeting after connecting. Default 10 s. */
  greetingTimeoutMs?: number;
  /** Idle socket inside a conversation. Default 30 s. */
  socketTimeoutMs?: number;
  /** Default 2. */
  maxConnections?: number;
};

export const EMAIL_DEFAULTS = {
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
  socketTimeoutMs: 30_000,
  maxConnections: 2,
} as const;

const FALLBACK_DOMAIN = 'hopwatch.invalid';

export class EmailChannel implements Channel<EmailTarget> {
  private readonly transport: Transporter<SMTPPoolSentMessageInfo>;
  private readonly domain: string;

  constructor(options: EmailChannelOptions) {
    this.domain = mailDomain(options.from);
    this.transport = createTransport(
      {
        url: options.smtpUrl,
        pool: true,
        maxConnections: options.maxConnections ?? EMAIL_DEFAULTS.maxConnections,
        // One quick resend when a pooled connection dies under a message; the notifier's own retries do the rest.
        maxRequeues: 1,
        connectionTimeout: options.connectionTimeoutMs ?? EMAIL_DEFAULTS.connectionTimeoutMs,
        greetingTimeout: options.greetingTimeoutMs ?? EMAIL_DEFAULTS.greetingTimeoutMs,
        socketTimeout: options.socketTimeoutMs ?? EMAIL_DEFAULTS.socketTimeoutMs,
        logger: false,
      },
      { from: options.from },
    );
  }

  deliver(message: AlertMessage, target: EmailTarget): Promise<DeliveryOutcome> {
    return this.send(message, target.to);
  }

  async send(message: AlertMessage, to: string[]): Promise<DeliveryOutcome> {
    if (to.length === 0) return failed('no recipients');
    const { subject, text, html } = renderEmail(message);
    const incidentId = message.incident?.id;
    try {
      const info = await this.transport.sendMail({
        to,
        subject,
        text,
        html,
        messageId: emailMessageId(message.id, this.domain),
        ...(incidentId ? { references: incidentThreadId(incidentId, this.domain) } : {}),
        headers: { 'X-Hopwatch-Event': message.type, ...(incidentId ? { 'X-Hopwatch-Incident': incidentId } : {}) },
      });
      return smtpDelivered(info.response);
    } catch (error) {
      return smtpErrorOutcome(error);
    }
  }

  /** Closes the pooled connections; sends after this fail. */
  close(): void {
    this.transport.close();
  }
}

/** `<id@domain>`: the message's stable id made safe for a Message-ID. */
export function emailMessageId(id: string, domain: string): string {
  return `<${safeIdPart(id)}@${domain}>`;
}

/** A Message-ID no real message has, referenced by every email of one incident so clients thread them. */
export function incidentThreadId(incidentId: string, domain: string): string {
  return `<incident-${safeIdPart(incidentId)}@${domain}>`;
}

/** The domain of the `from` address, so Message-IDs look like they come from the sender. */
export function mailDomain(from: string): string {
  const match = from.match(/@([A-Za-z0-9.-]+)>?\s*$/);
  return match ? match[1].toLowerCase() : FALLBACK_DOMAIN;
}

function safeIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '-') || 'message';
}
