import { ApiKeyScope, AlertChannelEntity, DeliveryEntity } from '@hopwatch/db';
import { originOnly, withoutPassword } from '@hopwatch/domain';
import { AlertChannelResponse, DeliveryResponse } from './dto/alert-channel.dto';

/** A channel URL as the caller may see it: never its password; for a read key, not its path or query either. */
export function visibleChannelUrl(url: string, scope: ApiKeyScope): string {
  return scope === 'write' ? withoutPassword(url) : originOnly(url);
}

export function toChannelResponse(channel: AlertChannelEntity, scope: ApiKeyScope): AlertChannelResponse {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    ...(channel.kind === 'email' ? { to: channel.emailTo } : { url: channel.webhookUrl ? visibleChannelUrl(channel.webhookUrl, scope) : undefined }),
    isDefault: channel.isDefault,
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
