import { startSmtpSink, type SmtpSink } from '../../../../test/support/smtp-sink';
import { anAlertMessage, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { EmailChannel } from './email.channel';

describe('EmailChannel', () => {
  let sink: SmtpSink;
  let channel: EmailChannel;

  beforeEach(async () => {
    sink = await startSmtpSink();
    channel = new EmailChannel({
      smtpUrl: sink.url({ user: 'hopwatch', pass: 's3cret' }),
      from: '"hopwatch" <alerts@hopwatch.example>',
      connectionTimeoutMs: 1000,
      greetingTimeoutMs: 1000,
      socketTimeoutMs: 2000,
    });
  });

  afterEach(async () => {
    channel.close();
    await sink.close();
  });

  it('delivers to every recipient with the subject and the incident facts in both parts', async () => {
    const outcome = await channel.send(anAlertMessage(), ['ops@example.com', 'oncall@example.com']);

    expect(outcome).toEqual({ status: 'delivered', responseStatus: 250 });
    const [mail] = await sink.waitForMessages(1);
    expect(mail.from).toBe('alerts@hopwatch.example');
    expect(mail.to).toEqual(['ops@example.com', 'oncall@example.com']);
    expect(mail.user).toBe('hopwatch');
    expect(mail.subject).toBe('[hopwatch] DOWN shop — origin_down at app (nginx)');
    for (const fact of ['origin_down', 'Failing hop:  app', 'Reported by:  proxy', 'Gateway:      nginx', 'Check that something listens on 10.0.0.3:3000.', 'https://hopwatch.example/incidents/inc-7']) {
      expect(mail.text).toContain(fact);
    }
    expect(mail.html).toContain('<td>origin_down</td>');
    expect(mail.html).toContain('<li>Check that something listens on 10.0.0.3:3000.</li>');
  });

  it('marks the message with a Message-ID from the message id, the same on a resend', async () => {
    await channel.send(anAlertMessage(), ['ops@example.com']);
    await channel.send(anAlertMessage(), ['ops@example.com']);

    const [first, second] = await sink.waitForMessages(2);
    expect(first.headers['message-id']).toBe('<evt-42-chan-3@hopwatch.example>');
    expect(second.headers['message-id']).toBe(first.headers['message-id']);
    expect(first.headers.references).toBe('<incident-inc-7@hopwatch.example>');
    expect(first.headers['x-hopwatch-event']).toBe('incident.opened');
  });

  it('says how long a resolved incident lasted', async () => {
    await channel.send(aResolvedMessage(252), ['ops@example.com']);
    const [mail] = await sink.waitForMessages(1);
    expect(mail.subject).toBe('[hopwatch] RESOLVED shop after 4m 12s');
    expect(mail.text).toMatch(/Duration: +4m 12s/);
  });

  it('sends a test notification', async () => {
    expect(await channel.send(aTestMessage(), ['ops@example.com'])).toMatchObject({ status: 'delivered' });
    const [mail] = await sink.waitForMessages(1);
    expect(mail.subject).toBe('[hopwatch] test notification');
  });

  it('asks for a retry while the SMTP server is down, and delivers once it is back on its port', async () => {
    await channel.send(aTestMessage(), ['ops@example.com']);
    await sink.stop();

    const whileDown = await channel.send(anAlertMessage(), ['ops@example.com']);
    await sink.start();
    const afterwards = await channel.send(anAlertMessage(), ['ops@example.com']);

    expect(whileDown).toMatchObject({ status: 'retry', error: expect.stringContaining('ECONNREFUSED') });
    expect(afterwards).toEqual({ status: 'delivered', responseStatus: 250 });
    expect(sink.messages.map((mail) => mail.subject)).toEqual(['[hopwatch] test notification', '[hopwatch] DOWN shop — origin_down at app (nginx)']);
  });

  it('fails at once when the server answers 550 mailbox unavailable', async () => {
    sink.rejectWith({ code: 550, message: 'mailbox unavailable' });
    const outcome = await channel.send(anAlertMessage(), ['nobody@example.com']);
    expect(outcome).toEqual({ status: 'failed', error: expect.stringMatching(/^SMTP 550 .*mailbox unavailable/), responseStatus: 550 });
    expect(sink.messages).toEqual([]);
  });

  it('asks for a retry when the server answers 451 try again later', async () => {
    sink.rejectWith({ code: 451, message: 'try again later', at: 'data' });
    const outcome = await channel.send(anAlertMessage(), ['ops@example.com']);
    expect(outcome).toEqual({ status: 'retry', error: expect.stringMatching(/^SMTP 451 .*try again later/), responseStatus: 451 });
  });

  it('counts a message accepted for some recipients as delivered, so a retry cannot duplicate it', async () => {
    sink.rejectWith({ code: 550, recipients: ['nobody@example.com'] });
    const outcome = await channel.send(anAlertMessage(), ['ops@example.com', 'nobody@example.com']);
    expect(outcome).toEqual({ status: 'delivered', responseStatus: 250 });
    const [mail] = await sink.waitForMessages(1);
    expect(mail.to).toEqual(['ops@example.com']);
  });

  it('works without credentials in the URL', async () => {
    const anonymous = new EmailChannel({ smtpUrl: sink.url(), from: 'alerts@hopwatch.example' });
    try {
      expect(await anonymous.send(aTestMessage(), ['ops@example.com'])).toEqual({ status: 'delivered', responseStatus: 250 });
      expect((await sink.waitForMessages(1))[0].user).toBeNull();
    } finally {
      anonymous.close();
    }
  });

  it('fails without recipients', async () => {
    expect(await channel.send(anAlertMessage(), [])).toEqual({ status: 'failed', error: 'no recipients' });
  });
});
