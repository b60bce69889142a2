import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AlertChannelEntity, AlertChannelRepository, ApiKeyScope, DeliveryRepository } from '@hopwatch/db';
import { AlertChannelNotFound, literalAddress, TargetDenied, TargetPolicy } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, SecretBox } from '@hopwatch/platform';
import { NotificationQueue } from '@hopwatch/queue';
import { TARGET_POLICY } from '@hopwatch/runtime';
import { toChannelResponse, toDeliveryResponse, toTestResponse } from './alerting.mapper';
import { channelRow } from './channel-fields';
import { CreateAlertChannelDto, CreatedAlertChannelResponse, DeliveryListResponse, TestDeliveryResponse } from './dto/alert-channel.dto';

/** How long past one attempt's own deadline the test waits for a worker to pick the notice up. */
const TEST_PICKUP_GRACE_MS = 3_000;
const TEST_POLL_MS = 50;

@Injectable()
export class AlertChannelsService {
  constructor(
    private readonly channels: AlertChannelRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: NotificationQueue,
    private readonly secrets: SecretBox,
    @Inject(TARGET_POLICY) private readonly policy: TargetPolicy,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  async create(dto: CreateAlertChannelDto): Promise<CreatedAlertChannelResponse> {
    if (dto.url !== undefined) this.assertUrlAllowed(dto.url);
    // Standard Webhooks secret: "whsec_" and the base64 of the key bytes.
    const secret = dto.kind === 'webhook' ? `whsec_${randomBytes(32).toString('base64')}` : null;
    const channel = await this.channels.create(channelRow(dto, secret, (plain) => this.secrets.seal(plain)));
    return { ...toChannelResponse(channel, 'write'), ...(secret ? { secret } : {}) };
  }

  async list(scope: ApiKeyScope) {
    return (await this.channels.list()).map((channel) => toChannelResponse(channel, scope));
  }

  async delete(id: string): Promise<void> {
    if (!(await this.channels.delete(id))) throw new AlertChannelNotFound(id);
  }

  /**
   * Sends a `test` notice through the same queue and worker as real ones and answers with its first
   * attempt: delivered, failed, or going to be retried (with the reason), as soon as that attempt is recorded.
   */
  async test(id: string): Promise<TestDeliveryResponse> {
    await this.get(id);
    const delivery = await this.deliveries.createTest(id);
    await this.queue.enqueue([delivery.id]);
    const waitMs = this.config.webhookTimeoutMs + TEST_PICKUP_GRACE_MS;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const current = (await this.deliveries.findWithChannel(delivery.id))!;
      if (current.attempts > 0 || Date.now() >= deadline) return toTestResponse(current, waitMs);
      await new Promise((resolve) => setTimeout(resolve, TEST_POLL_MS));
    }
  }

  async deliveriesOf(id: string, limit: number, offset: number): Promise<DeliveryListResponse> {
    await this.get(id);
    const [items, total] = await this.deliveries.listForChannel(id, limit, offset);
    return { items: items.map(toDeliveryResponse), total, limit, offset };
  }

  private async get(id: string): Promise<AlertChannelEntity> {
    const channel = await this.channels.findById(id);
    if (!channel) throw new AlertChannelNotFound(id);
    return channel;
  }

  private assertUrlAllowed(url: string): void {
    const address = literalAddress(new URL(url).hostname);
    if (!address) return;
    const verdict = this.policy.check(address);
    if (!verdict.allowed) throw new TargetDenied([`url is not allowed: ${verdict.reason}`]);
  }
}
