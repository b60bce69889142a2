import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AlertChannelEntity, AlertChannelRepository, ApiKeyScope, DeliveryRepository } from '@hopwatch/db';
import { AlertChannelNotFound, literalAddress, TargetDenied, TargetPolicy } from '@hopwatch/domain';
import { SecretBox } from '@hopwatch/platform';
import { NotificationQueue } from '@hopwatch/queue';
import { TARGET_POLICY } from '@hopwatch/runtime';
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
    @Inject(TARGET_POLICY) private readonly policy: TargetPolicy,
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
    if (!(await this.channels.delete(id))) throw new AlertChannelNotFound(id);
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
    if (!channel) throw new AlertChannelNotFound(id);
    return channel;
  }

  private assertWebhookAllowed(url: string): void {
    const address = literalAddress(new URL(url).hostname);
    if (!address) return;
    const verdict = this.policy.check(address);
    if (!verdict.allowed) throw new TargetDenied([`url is not allowed: ${verdict.reason}`]);
  }
}
