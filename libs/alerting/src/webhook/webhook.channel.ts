// Signed webhook delivery (DESIGN §5): one POST per attempt, the same id and body on every retry.
import type { ProbeEnvironment } from '@hopwatch/probes';
import type { Channel } from '../channel';
import { failed, type DeliveryOutcome } from '../delivery-outcome';
import type { AlertMessage } from '../message';
import { guardedPost } from './guarded-post';
import { signWebhook, WEBHOOK_HEADERS } from './standard-webhooks';
import { webhookBody } from './webhook-payload';

export type WebhookTarget = { url: string; secret: string };

export type WebhookChannelOptions = {
  /** Target policy (and source address, resolvers, extra CAs) every webhook URL is dialed under. */
  env: ProbeEnvironment;
  /** Deadline of one attempt: connect, send, read the answer. Default 10 s. */
  timeoutMs?: number;
  /** Answer bytes read before hanging up. Default 4 KiB. */
  maxResponseBytes?: number;
  userAgent?: string;
  /** Clock for `webhook-timestamp`, in milliseconds. */
  now?: () => number;
};

export const WEBHOOK_DEFAULTS = {
  timeoutMs: 10_000,
  maxResponseBytes: 4 * 1024,
  userAgent: 'hopwatch-webhooks/0.1',
} as const;

export class WebhookChannel implements Channel<WebhookTarget> {
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly userAgent: string;
  private readonly now: () => number;

  constructor(private readonly options: WebhookChannelOptions) {
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes ?? WEBHOOK_DEFAULTS.maxResponseBytes;
    this.userAgent = options.userAgent ?? WEBHOOK_DEFAULTS.userAgent;
    this.now = options.now ?? Date.now;
  }

  async deliver(message: AlertMessage, target: WebhookTarget): Promise<DeliveryOutcome> {
    const body = webhookBody(message);
    const timestampSeconds = Math.floor(this.now() / 1000);
    let signature: string;
    try {
      signature = signWebhook(target.secret, message.id, timestampSeconds, body);
    } catch (error) {
      return failed(`cannot sign: ${(error as Error).message}`);
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': this.userAgent,
      [WEBHOOK_HEADERS.id]: message.id,
      [WEBHOOK_HEADERS.timestamp]: String(timestampSeconds),
      [WEBHOOK_HEADERS.signature]: signature,
    };
    return guardedPost(target.url, body, headers, { env: this.options.env, timeoutMs: this.timeoutMs, maxResponseBytes: this.maxResponseBytes });
  }
}
