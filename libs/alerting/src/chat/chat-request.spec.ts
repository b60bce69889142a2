import { anAlertMessage } from '../../test-support/alert-message.factory';
import { chatRequest } from './chat-request';
import type { ChatTarget } from './chat-target';

const endpoints = { telegramApiUrl: 'http://127.0.0.1:9001', pagerdutyEventsUrl: 'http://127.0.0.1:9002/v2/enqueue' };

describe('chatRequest', () => {
  it.each<{ target: ChatTarget; url: string; headers?: Record<string, string>; bodyHas: string }>([
    { target: { kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X' }, url: 'https://hooks.slack.com/services/T/B/X', bodyHas: 'blocks' },
    { target: { kind: 'teams', url: 'https://prod.westus.logic.azure.com/workflows/1' }, url: 'https://prod.westus.logic.azure.com/workflows/1', bodyHas: 'attachments' },
    { target: { kind: 'discord', url: 'https://discord.com/api/webhooks/1/abc' }, url: 'https://discord.com/api/webhooks/1/abc', bodyHas: 'embeds' },
    { target: { kind: 'telegram', botToken: '123:ABC', chatId: '42' }, url: 'http://127.0.0.1:9001/bot123:ABC/sendMessage', bodyHas: 'chat_id' },
    { target: { kind: 'pagerduty', routingKey: 'k'.repeat(32) }, url: 'http://127.0.0.1:9002/v2/enqueue', bodyHas: 'routing_key' },
    { target: { kind: 'ntfy', url: 'https://ntfy.example', topic: 'ops', token: null }, url: 'https://ntfy.example', bodyHas: 'topic' },
    { target: { kind: 'ntfy', url: 'https://ntfy.example', topic: 'ops', token: 'tk_secret' }, url: 'https://ntfy.example', headers: { authorization: 'Bearer tk_secret' }, bodyHas: 'topic' },
  ])('$target.kind goes to $url', ({ target, url, headers, bodyHas }) => {
    const request = chatRequest(anAlertMessage(), target, endpoints);
    expect(request.url).toBe(url);
    expect(request.headers).toEqual(headers);
    expect(request.body).toHaveProperty(bodyHas);
  });
});
