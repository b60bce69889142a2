import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job } from 'bullmq';
import { AlertSender, DeliveryOutcome, failed } from '@hopwatch/alerting';
import { DeliveryContext, DeliveryRepository } from '@hopwatch/db';
import { TargetPolicy } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, SecretBox } from '@hopwatch/platform';
import { NotifyJob, OnJob } from '@hopwatch/queue';
import { TARGET_POLICY } from '@hopwatch/runtime';
import { toAlertMessage } from './alert-message';
import { alertDeliveryAttempts } from '../worker.metrics';
import { toChatTarget } from './chat-target';

/** Handles `notify.deliver` on `notifications`: one attempt per job run, every attempt logged; retried with backoff until the horizon. */
@Injectable()
export class NotificationProcessor implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationProcessor.name);
  private readonly sender: AlertSender;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly secrets: SecretBox,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
    @Inject(TARGET_POLICY) policy: TargetPolicy,
  ) {
    const env = { policy, sourceAddress: null, resolvers: [] };
    this.sender = AlertSender.create({
      webhook: { env, timeoutMs: config.webhookTimeoutMs },
      chat: { env, timeoutMs: config.webhookTimeoutMs, endpoints: { telegramApiUrl: config.telegramApiUrl, pagerdutyEventsUrl: config.pagerdutyEventsUrl } },
      email: config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.mailFrom } : null,
    });
  }

  /** After the queue workers have closed (they do so before shutdown), so no attempt is cut off mid-send. */
  onApplicationShutdown(): void {
    this.sender.close();
  }

  @OnJob('notify.deliver')
  async process(job: Job<NotifyJob>): Promise<void> {
    const context = await this.deliveries.context(job.data.deliveryId);
    // Settled already (a duplicate job, or a retry after the outcome was recorded): nothing more to send.
    if (!context || context.delivery.status !== 'pending') return;
    const outcome = await this.send(context);
    const expired = Date.now() - context.delivery.createdAt.getTime() > this.config.alertRetryHours * 3_600_000;
    const status = outcome.status === 'delivered' ? 'delivered' : outcome.status === 'failed' || expired ? 'failed' : 'pending';
    alertDeliveryAttempts.inc({ channel_kind: context.delivery.channel.kind, outcome: status === 'pending' ? 'retry' : status });
    await this.deliveries.recordAttempt(
      context.delivery.id,
      { at: new Date().toISOString(), outcome: outcome.status, error: outcome.status === 'delivered' ? null : outcome.error, responseStatus: outcome.responseStatus ?? null },
      status,
    );
    this.logAttempt(context, outcome, status);
    if (status === 'pending') throw new Error(`will retry: ${outcome.status === 'retry' ? outcome.error : ''}`);
  }

  /** Names the site and the channel, never the channel's URL or secret. */
  private logAttempt({ delivery, site }: DeliveryContext, outcome: DeliveryOutcome, status: 'delivered' | 'failed' | 'pending'): void {
    const siteName = site?.name ?? '(test)';
    const fields = { site: siteName, siteId: delivery.siteId, deliveryId: delivery.id, notice: delivery.notice, channel: delivery.channel.name, kind: delivery.channel.kind, attempt: delivery.attempts + 1 };
    const where = `${delivery.notice} notice for ${siteName} on ${delivery.channel.kind} channel "${delivery.channel.name}"`;
    if (outcome.status === 'delivered') this.logger.log(fields, `${where} delivered`);
    else if (status === 'failed') this.logger.warn({ ...fields, error: outcome.error }, `${where} failed for good: ${outcome.error}`);
    else this.logger.warn({ ...fields, error: outcome.error }, `${where} will be retried: ${outcome.error}`);
  }

  private send(context: DeliveryContext): Promise<DeliveryOutcome> {
    const { channel } = context.delivery;
    const message = toAlertMessage(context, this.config.publicUrl);
    if (channel.kind === 'email') return this.sender.sendEmail(message, channel.emailTo);
    if (channel.kind === 'webhook') return this.sender.sendWebhook(message, channel.webhookUrl!, this.secrets.open(channel.webhookSecret!));
    const target = toChatTarget(channel, (sealed) => this.secrets.open(sealed));
    if (!target) return Promise.resolve(failed(`the ${channel.kind} channel is missing its settings`));
    return this.sender.sendChat(message, target);
  }
}
