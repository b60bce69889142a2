import { createTargetPolicy } from '@hopwatch/domain';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver';
import { anAlertMessage } from '../test-support/alert-message.factory';
import { AlertSender } from './channel';
import { CHAT_ENDPOINT_DEFAULTS } from './chat/chat.channel';

const env = { policy: createTargetPolicy({ allow: ['127.0.0.0/8'], deny: [] }), sourceAddress: null, resolvers: [] };

describe('AlertSender', () => {
  let sink: SmtpSink;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    [sink, receiver] = await Promise.all([startSmtpSink(), startWebhookReceiver()]);
  });

  afterEach(async () => {
    await Promise.all([sink.close(), receiver.close()]);
  });

  it('sends one message by email and by webhook', async () => {
    const sender = AlertSender.create({ webhook: { env }, chat: { env, endpoints: CHAT_ENDPOINT_DEFAULTS }, email: { smtpUrl: sink.url(), from: 'alerts@hopwatch.example' } });
    try {
      const message = anAlertMessage();
      const [email, webhook] = await Promise.all([sender.sendEmail(message, ['ops@example.com']), sender.sendWebhook(message, receiver.url(), receiver.secret)]);

      expect(email).toEqual({ status: 'delivered', responseStatus: 250 });
      expect(webhook).toEqual({ status: 'delivered', responseStatus: 204 });
      expect((await sink.waitForMessages(1))[0].to).toEqual(['ops@example.com']);
      expect((await receiver.waitForAccepted(1))[0].id).toBe(message.id);
    } finally {
      sender.close();
    }
  });

  it('fails email at once when no SMTP server is configured', async () => {
    const sender = AlertSender.create({ webhook: { env }, chat: { env, endpoints: CHAT_ENDPOINT_DEFAULTS }, email: null });
    expect(await sender.sendEmail(anAlertMessage(), ['ops@example.com'])).toEqual({
      status: 'failed',
      error: 'email is not configured (HOPWATCH_SMTP_URL is not set)',
    });
  });

  it('fails a webhook whose secret cannot sign', async () => {
    const sender = AlertSender.create({ webhook: { env }, chat: { env, endpoints: CHAT_ENDPOINT_DEFAULTS }, email: null });
    const outcome = await sender.sendWebhook(anAlertMessage({ id: 'evt.1' }), receiver.url(), receiver.secret);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/^cannot sign: /) });
    expect(receiver.requests).toBe(0);
  });
});
