import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { AlertSender, DeliveryOutcome } from '@hopwatch/alerting';
import { DeliveryContext, DeliveryRepository } from '@hopwatch/db';
import { createTargetPolicy } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, SecretBox } from '@hopwatch/platform';
import { createRedis, NOTIFICATIONS_QUEUE, NotifyJob } from '@hopwatch/queue';
import { toAlertMessage } from './alert-message';
import { alertDeliveryAttempts } from '../worker.metrics';
import { retryDelayMs } from './retry-delay';

/** Consumes `notifications`: one attempt per job run, every attempt logged; retried with backoff until the horizon. */
@Injectable()
export class NotificationProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationProcessor.name);
  private readonly sender: AlertSender;
  private worker: Worker<NotifyJob> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly secrets: SecretBox,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {
    this.sender = AlertSender.create({
      webhook: {
        env: { policy: createTargetPolicy({ allow: config.targetAllow, deny: config.targetDeny }), sourceAddress: null, resolvers: [] },
        timeoutMs: config.webhookTimeoutMs,
      },
      email: config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.mailFrom } : null,
    });
  }

  onApplicationBootstrap(): void {
    this.connection = createRedis(this.config.redisUrl);
    this.worker = new Worker<NotifyJob>(NOTIFICATIONS_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.redisPrefix,
      concurrency: 20,
      lockDuration: this.config.jobLockMs,
      stalledInterval: Math.min(this.config.jobLockMs, 30_000),
      settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade) },
    });
    this.worker.on('error', (error) => this.logger.error(`notification queue error: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
    this.sender.close();
  }

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
    if (status === 'pending') throw new Error(`will retry: ${outcome.status === 'retry' ? outcome.error : ''}`);
    if (status === 'failed') this.logger.warn(`delivery ${context.delivery.id} failed for good: ${outcome.status === 'delivered' ? '' : outcome.error}`);
  }

  private send(context: DeliveryContext): Promise<DeliveryOutcome> {
    const { channel } = context.delivery;
    const message = toAlertMessage(context, this.config.publicUrl);
    if (channel.kind === 'email') return this.sender.sendEmail(message, channel.emailTo);
    return this.sender.sendWebhook(message, channel.webhookUrl!, this.secrets.open(channel.webhookSecret!));
  }
}
