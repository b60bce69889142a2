import { AlertChannelEntity, DeliveryEntity } from '@hopwatch/db';
import { AlertChannelResponse, DeliveryResponse } from './dto/alert-channel.dto';

export function toChannelResponse(channel: AlertChannelEntity): AlertChannelResponse {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    ...(channel.kind === 'email' ? { to: channel.emailTo } : { url: channel.webhookUrl ?? undefined }),
    isDefault: channel.isDefault,
    managedBy: channel.managedBy,
    createdAt: channel.createdAt.toISOString(),
  };
}

export function toDeliveryResponse(delivery: DeliveryEntity): DeliveryResponse {
  return {
    id: delivery.id,
    event: delivery.notice,
    incidentId: delivery.incidentId,
    siteId: delivery.siteId,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    responseStatus: delivery.responseStatus,
    attemptLog: delivery.attemptLog,
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
  };
}
