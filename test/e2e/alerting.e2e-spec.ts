import { AppServer, startAppServer } from '../support/app-server';
import { deliveriesOf, emailChannel, watchedSite, webhookChannel } from '../support/alerting-lab';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { WebhookReceiver } from '../support/webhook-receiver';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const typesOf = (receiver: WebhookReceiver) => receiver.accepted().map((delivery) => delivery.type);

describe('alerting: email and signed webhooks', () => {
  let pipeline: BootedPipeline;
  let smtp: SmtpSink;
  const apps: AppServer[] = [];
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    pipeline = await bootPipeline({
      HOPWATCH_SMTP_URL: smtp.url(),
      HOPWATCH_MAIL_FROM: 'hopwatch <alerts@hopwatch.test>',
      HOPWATCH_PUBLIC_URL: 'https://hopwatch.example.com',
      HOPWATCH_RESOLVE_QUIET_SECONDS: '8',
    });
  });

  afterAll(async () => {
    await pipeline.close();
    await Promise.all([smtp.close(), ...apps.map((app) => app.close()), ...receivers.map((receiver) => receiver.close())]);
  });

  async function app(): Promise<AppServer> {
    const server = await startAppServer(await freePort());
    apps.push(server);
    return server;
  }

  async function hook(name: string) {
    const channel = await webhookChannel(pipeline, name);
    receivers.push(channel.receiver);
    return channel;
  }

  it('tells of an outage and its end, once each, by webhook and email, within seconds', async () => {
    const origin = await app();
    const webhook = await hook('e2e-hook');
    const email = await emailChannel(pipeline, 'e2e-mail', ['oncall@example.com', 'ops@example.com']);
    const siteId = await watchedSite(pipeline, 'shop', `http://127.0.0.1:${origin.port}/`, { alertChannelIds: [webhook.id, email] });
    await waitFor(() => pipeline.query(`SELECT 1 FROM check_results WHERE site_id = $1`, [siteId]), (rows) => rows.length > 0, 15_000);

    const faultAt = Date.now();
    await origin.down();
    const [opened] = await webhook.receiver.waitForAccepted(1, 30_000);
    const faultToWebhookMs = Date.now() - faultAt;
    process.stdout.write(`\nfault → webhook: ${faultToWebhookMs} ms (confirmations 2 × interval 5 s)\n`);
    expect(faultToWebhookMs).toBeLessThan(2 * 5_000 + 2_000 + 5_000);
    expect(opened.type).toBe('incident.opened');
    const data = opened.payload.data as { incident: Record<string, any>; site: Record<string, any>; link: string };
    expect(data.site).toMatchObject({ id: siteId, name: 'shop' });
    expect(data.link).toBe(`https://hopwatch.example.com/incidents/${data.incident.id}`);
    expect(data.incident.diagnosis).toMatchObject({ cause: 'origin_down', failingHop: 'entry' });

    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail.to.sort()).toEqual(['oncall@example.com', 'ops@example.com']);
    expect(mail.subject).toContain('shop');
    expect(mail.subject).toMatch(/origin_down/);
    expect(mail.text).toContain('origin_down');
    expect(mail.text).toContain(`https://hopwatch.example.com/incidents/${data.incident.id}`);
    expect(mail.html).toContain('origin_down');

    await origin.up();
    await waitFor(async () => typesOf(webhook.receiver), (types) => types.includes('incident.resolved'), 45_000);
    await smtp.waitForMessages(2, 15_000);
    expect(smtp.messages[1].subject).toMatch(/RESOLVED/i);
    await sleep(2_000);
    expect(typesOf(webhook.receiver)).toEqual(['incident.opened', 'incident.resolved']);
    expect(smtp.messages).toHaveLength(2);
  });

  it('keeps retrying while the receiver answers 503 and then refuses, and delivers once when it is back', async () => {
    const origin = await app();
    const webhook = await hook('flaky-receiver');
    webhook.receiver.answer({ status: 503, times: 2 });
    const siteId = await watchedSite(pipeline, 'flaky-receiver-site', `http://127.0.0.1:${origin.port}/`, { alertChannelIds: [webhook.id] });
    await origin.down();
    await waitFor(async () => webhook.receiver.deliveries.length, (count) => count >= 2, 30_000);
    await webhook.receiver.stop();
    await sleep(5_000);
    await webhook.receiver.start();
    const [delivered] = await webhook.receiver.waitForAccepted(1, 40_000);
    expect(delivered.type).toBe('incident.opened');
    expect(new Set(webhook.receiver.deliveries.map((delivery) => delivery.id))).toEqual(new Set([delivered.id]));
    const [logged] = await waitFor(() => deliveriesOf(pipeline, webhook.id), (items) => items[0]?.status === 'delivered', 10_000);
    expect(logged.attempts).toBeGreaterThanOrEqual(4);
    const errors = logged.attemptLog.map((attempt: { error: string | null }) => attempt.error);
    expect(errors).toEqual(expect.arrayContaining(['HTTP 503', expect.stringMatching(/ECONNREFUSED/)]));
    expect(logged).toMatchObject({ event: 'opened', siteId, responseStatus: 204 });
  });

  it('keeps an email until the SMTP server is back, then sends it once', async () => {
    const origin = await app();
    const mailTo = 'late@example.com';
    const channel = await emailChannel(pipeline, 'late-mail', [mailTo]);
    await smtp.stop();
    await watchedSite(pipeline, 'late-mail-site', `http://127.0.0.1:${origin.port}/`, { alertChannelIds: [channel] });
    await origin.down();
    await waitFor(() => deliveriesOf(pipeline, channel), (items) => (items[0]?.attempts ?? 0) >= 2, 30_000);
    await smtp.start();
    await waitFor(async () => smtp.messages.filter((message) => message.to.includes(mailTo)), (messages) => messages.length >= 1, 40_000);
    await sleep(2_000);
    expect(smtp.messages.filter((message) => message.to.includes(mailTo))).toHaveLength(1);
  });

  it('sends one opened and one flapping notice for an incident that flaps, not one per flip', async () => {
    const origin = await app();
    const webhook = await hook('flapping');
    await watchedSite(pipeline, 'flapper', `http://127.0.0.1:${origin.port}/`, { alertChannelIds: [webhook.id], confirmations: 1, recoveries: 1 });
    origin.behave({ kind: 'reset-every', nth: 2 });
    await waitFor(async () => typesOf(webhook.receiver), (types) => types.length >= 2, 80_000);
    await sleep(15_000);
    const notices = webhook.receiver.accepted().map((delivery) => `${delivery.type}${(delivery.payload.data as { incident: { flapping: boolean } }).incident.flapping ? ' (flapping)' : ''}`);
    expect(notices).toEqual(['incident.opened', 'incident.updated (flapping)']);
  });

  it('mutes notices for a site in a maintenance window and marks its incident', async () => {
    const origin = await app();
    const webhook = await hook('maintenance');
    const siteId = await watchedSite(pipeline, 'in-maintenance', `http://127.0.0.1:${origin.port}/`, { alertChannelIds: [webhook.id], tags: ['maint'] });
    await pipeline.http().post('/api/v1/maintenance-windows').set(pipeline.auth)
      .send({ name: 'upgrade', tags: ['maint'], startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() }).expect(201);
    await origin.down();
    const [incident] = await waitFor(
      async () => (await pipeline.http().get(`/api/v1/sites/${siteId}/incidents`).set(pipeline.auth)).body.items,
      (items: Array<{ inMaintenance: boolean; status: string }>) => items[0]?.inMaintenance === true,
      30_000,
    );
    expect(incident.status).toBe('open');
    await sleep(2_000);
    expect(webhook.receiver.requests).toBe(0);
    expect(await deliveriesOf(pipeline, webhook.id)).toEqual([]);
  });

  it('notifies a default channel for a site that does not list it', async () => {
    const origin = await app();
    const webhook = await (async () => {
      const channel = await webhookChannel(pipeline, 'everyone', { isDefault: true });
      receivers.push(channel.receiver);
      return channel;
    })();
    const siteId = await watchedSite(pipeline, 'unsubscribed', `http://127.0.0.1:${origin.port}/`);
    await origin.down();
    const forSite = () => webhook.receiver.accepted().filter((delivery) => (delivery.payload.data as { site: { id: string } }).site?.id === siteId);
    await waitFor(async () => forSite().length, (count) => count >= 1, 30_000);
    expect(forSite()[0].type).toBe('incident.opened');
  });

  it('sends a test notice on request and reports the outcome', async () => {
    const webhook = await hook('tested');
    const response = await pipeline.http().post(`/api/v1/alert-channels/${webhook.id}/test`).set(pipeline.auth).expect(200);
    expect(response.body).toMatchObject({ event: 'test', status: 'delivered', attempts: 1, responseStatus: 204 });
    expect(typesOf(webhook.receiver)).toEqual(['test']);
  });
});
