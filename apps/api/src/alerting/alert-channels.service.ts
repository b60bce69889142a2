import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AlertChannelEntity, AlertChannelRepository, ApiKeyScope, DeliveryRepository } from '@hopwatch/db';
import { createTargetPolicy, literalAddress } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, SecretBox } from '@hopwatch/platform';
import { NotificationQueue } from '@hopwatch/queue';
import { fieldErrors } from '../common/field-errors';
import { toChannelResponse, toDeliveryResponse } from './alerting.mapper';
import { CreateAlertChannelDto, CreatedAlertChannelResponse, DeliveryListResponse, DeliveryResponse } from './dto/alert-channel.dto';

const TEST_TIMEOUT_MS = 30_000;

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
    if (dto.kind === 'webhook') this.assertWebhookAllowed(dto.url!);
    // Standard Webhooks secret: "whsec_" and the base64 of the key bytes.
    const secret = dto.kind === 'webhook' ? `whsec_${randomBytes(32).toString('base64')}` : null;
    const channel = await this.channels.create({
      name: dto.name,
      kind: dto.kind,
      emailTo: dto.kind === 'email' ? dto.to! : [],
      webhookUrl: dto.kind === 'webhook' ? dto.url! : null,
      webhookSecret: secret === null ? null : this.secrets.seal(secret),
      isDefault: dto.isDefault ?? false,
    });
    return { ...toChannelResponse(channel, 'write'), ...(secret ? { secret } : {}) };
  }

  async list(scope: ApiKeyScope) {
    return (await this.channels.list()).map((channel) => toChannelResponse(channel, scope));
  }

  async delete(id: string): Promise<void> {
    if (!(await this.channels.delete(id))) throw new NotFoundException(`alert channel ${id} does not exist`);
  }

  /** Sends a `test` notice through the same queue and worker as real ones and reports what happened. */
  async test(id: string): Promise<DeliveryResponse> {
    await this.get(id);
    const delivery = await this.deliveries.createTest(id);
    await this.queue.deliverAndWait(delivery.id, TEST_TIMEOUT_MS);
    return toDeliveryResponse((await this.deliveries.findWithChannel(delivery.id))!);
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

  private assertWebhookAllowed(url: string): void {
    const address = literalAddress(new URL(url).hostname);
    if (!address) return;
    const verdict = createTargetPolicy({ allow: this.config.targetAllow, deny: this.config.targetDeny }).check(address);
    if (!verdict.allowed) throw fieldErrors([`url is not allowed: ${verdict.reason}`]);
  }
}
