import { createTargetPolicy } from '@hopwatch/domain';
import { PAGERDUTY, SLACK, startChatReceiver, TELEGRAM, type ChatReceiver } from '../../../../test/support/chat-receivers';
import { anAlertMessage } from '../../test-support/alert-message.factory';
import { ChatChannel } from './chat.channel';

const LOOPBACK_ALLOWED = createTargetPolicy({ allow: ['127.0.0.0/8'], deny: [] });
const DEFAULT_POLICY = createTargetPolicy({ allow: [], deny: [] });

describe('ChatChannel', () => {
  let slack: ChatReceiver;
  let telegram: ChatReceiver;
  let pagerduty: ChatReceiver;

  beforeEach(async () => {
    [slack, telegram, pagerduty] = await Promise.all([startChatReceiver(SLACK), startChatReceiver(TELEGRAM), startChatReceiver(PAGERDUTY)]);
  });

  afterEach(async () => {
    await Promise.all([slack.close(), telegram.close(), pagerduty.close()]);
  });

  const channel = (policy = LOOPBACK_ALLOWED, timeoutMs = 2000) =>
    new ChatChannel({ env: { policy, sourceAddress: null, resolvers: [] }, timeoutMs, endpoints: { telegramApiUrl: telegram.url(''), pagerdutyEventsUrl: pagerduty.url('/v2/enqueue') } });

  it('delivers to each service and classifies its answer like a webhook', async () => {
    const message = anAlertMessage();
    expect(await channel().deliver(message, { kind: 'slack', url: slack.url('/services/T/B/X') })).toEqual({ status: 'delivered', responseStatus: 200 });
    expect(await channel().deliver(message, { kind: 'telegram', botToken: '123:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chatId: '42' })).toEqual({ status: 'delivered', responseStatus: 200 });
    expect(await channel().deliver(message, { kind: 'pagerduty', routingKey: 'R0123456789ABCDEF0123456789ABCDE' })).toEqual({ status: 'delivered', responseStatus: 202 });
    expect([slack, telegram, pagerduty].map((receiver) => receiver.accepted.length)).toEqual([1, 1, 1]);
  });

  it.each([
    { answer: 429, expected: { status: 'retry', error: 'HTTP 429', responseStatus: 429 } },
    { answer: 503, expected: { status: 'retry', error: 'HTTP 503', responseStatus: 503 } },
    { answer: 404, expected: { status: 'failed', error: 'HTTP 404', responseStatus: 404 } },
  ])('turns a $answer from the service into $expected.status', async ({ answer, expected }) => {
    slack.fail(answer, 1);
    expect(await channel().deliver(anAlertMessage(), { kind: 'slack', url: slack.url('/services/T/B/X') })).toEqual(expected);
  });

  it('refuses a service URL, or a configured endpoint, that the target policy denies, without connecting', async () => {
    const slackDenied = await channel(DEFAULT_POLICY).deliver(anAlertMessage(), { kind: 'slack', url: slack.url('/services/T/B/X') });
    const telegramDenied = await channel(DEFAULT_POLICY).deliver(anAlertMessage(), { kind: 'telegram', botToken: '123:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chatId: '42' });
    for (const outcome of [slackDenied, telegramDenied]) {
      expect(outcome).toEqual({ status: 'failed', error: 'target denied: 127.0.0.1 is a loopback address (allow it with HOPWATCH_TARGET_ALLOW=127.0.0.1/32)' });
    }
    expect(slack.accepted.length + telegram.accepted.length).toBe(0);
  });

  it('never puts the bot token of a Telegram URL into an error', async () => {
    await telegram.close();
    const outcome = await channel().deliver(anAlertMessage(), { kind: 'telegram', botToken: '123:SECRETSECRETSECRETSECRET', chatId: '42' });
    expect(outcome).toEqual({ status: 'retry', error: 'ECONNREFUSED' });
  });
});
