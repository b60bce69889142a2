import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AlertChannelEntity, AlertChannelRepository, ApiKeyScope, DeliveryRepository } from '@hopwatch/db';
import { createTargetPolicy, literalAddress } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, SecretBox } from '@hopwatch/platform';
import { NotificationQueue } from '@hopwatch/queue';
import { fieldErrors } from '../common/field-errors';
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
    if (!(await this.channels.delete(id))) throw new NotFoundException(`alert channel ${id} does not exist`);
  }

  /**
   * Sends a `test` notice through the same queue and worker as real ones and answers with its first
   * attempt: delivered, failed, or going to be retried (with the reason), as soon as that attempt is recorded.
   */
  async test(id: string): Promise<TestDeliveryResponse> {
    await this.get(id);
    const delivery = await this.deliveries.createTest(id);
    await this.queue.enqueue([delivery.id]);
    const deadline = Date.now() + this.config.webhookTimeoutMs + TEST_PICKUP_GRACE_MS;
    for (;;) {
      const current = (await this.deliveries.findWithChannel(delivery.id))!;
      if (current.attempts > 0 || Date.now() >= deadline) return toTestResponse(current, this.config.webhookTimeoutMs + TEST_PICKUP_GRACE_MS);
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
    if (!channel) throw new NotFoundException(`alert channel ${id} does not exist`);
    return channel;
  }

  private assertUrlAllowed(url: string): void {
    const address = literalAddress(new URL(url).hostname);
    if (!address) return;
    const verdict = createTargetPolicy({ allow: this.config.targetAllow, deny: this.config.targetDeny }).check(address);
    if (!verdict.allowed) throw fieldErrors([`url is not allowed: ${verdict.reason}`]);
  }
}
