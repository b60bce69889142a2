// A stored chat channel as the alerting library's target: settings and the one secret (opened), by kind.
import { ChatTarget, NTFY_DEFAULT_SERVER } from '@hopwatch/alerting';
import { AlertChannelEntity } from '@hopwatch/db';

/** Null for email and webhook channels, and for a row missing what its kind needs (then the delivery fails, saying so). */
export function toChatTarget(channel: AlertChannelEntity, open: (sealed: string) => string): ChatTarget | null {
  const secret = channel.credential === null ? null : open(channel.credential);
  const settings = channel.settings ?? {};
  switch (channel.kind) {
    case 'slack':
    case 'teams':
    case 'discord':
      return secret ? { kind: channel.kind, url: secret } : null;
    case 'telegram':
      return secret && settings.chatId ? { kind: 'telegram', botToken: secret, chatId: settings.chatId } : null;
    case 'pagerduty':
      return secret ? { kind: 'pagerduty', routingKey: secret } : null;
    case 'ntfy':
      return settings.topic ? { kind: 'ntfy', url: settings.serverUrl ?? NTFY_DEFAULT_SERVER, topic: settings.topic, token: secret } : null;
    default:
      return null;
  }
}
