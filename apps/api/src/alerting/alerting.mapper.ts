import { ApiKeyScope, AlertChannelEntity, DeliveryEntity } from '@hopwatch/db';
import { channelFields } from './channel-fields';
import { AlertChannelResponse, DeliveryResponse, TestDeliveryResponse } from './dto/alert-channel.dto';

export function toChannelResponse(channel: AlertChannelEntity, scope: ApiKeyScope): AlertChannelResponse {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    ...channelFields(channel, scope),
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

/** A test delivery with its first attempt spelled out; `not-attempted` when no worker took it in time. */
export function toTestResponse(delivery: DeliveryEntity, waitedMs: number): TestDeliveryResponse {
  const first = delivery.attemptLog[0];
  const response = toDeliveryResponse(delivery);
  if (!first) return { ...response, outcome: 'not-attempted', reason: `no worker attempted it within ${waitedMs} ms; it stays queued` };
  if (first.outcome === 'delivered') return { ...response, outcome: 'delivered', reason: null };
  return { ...response, outcome: first.outcome === 'retry' ? 'will-retry' : 'failed', reason: first.error };
}
