import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createTargetPolicy } from '@hopwatch/domain';
import type { ProbeEnvironment } from '@hopwatch/probes';
import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { makeTestCertificates } from '../../../../test/support/tls-certs';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/support/webhook-receiver';
import { anAlertMessage, anIncident } from '../../test-support/alert-message.factory';
import { verifyWebhook } from './standard-webhooks';
import { WebhookChannel, type WebhookChannelOptions } from './webhook.channel';
import { webhookBody } from './webhook-payload';

const LOOPBACK_ALLOWED = createTargetPolicy({ allow: ['127.0.0.0/8', '::1'], deny: [] });
const DEFAULT_POLICY = createTargetPolicy({ allow: [], deny: [] });

function environment(overrides: Partial<ProbeEnvironment> = {}): ProbeEnvironment {
  return { policy: LOOPBACK_ALLOWED, sourceAddress: null, resolvers: [], ...overrides };
}

function channel(options: Partial<WebhookChannelOptions> = {}): WebhookChannel {
  return new WebhookChannel({ env: environment(), timeoutMs: 2000, ...options });
}

describe('WebhookChannel', () => {
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });

  afterEach(async () => {
    await receiver.close();
  });

  it('POSTs the signed body and the receiver verifies it with the channel secret', async () => {
    const message = anAlertMessage();
    const before = Math.floor(Date.now() / 1000);

    const outcome = await channel().deliver(message, { url: receiver.url(), secret: receiver.secret });

    expect(outcome).toEqual({ status: 'delivered', responseStatus: 204 });
    const [delivery] = await receiver.waitForAccepted(1);
    expect(delivery.id).toBe(message.id);
    expect(delivery.type).toBe('incident.opened');
    expect(delivery.body).toBe(webhookBody(message).toString('utf8'));
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['user-agent']).toMatch(/^hopwatch-webhooks\//);
    expect(delivery.timestampSeconds).toBeGreaterThanOrEqual(before);
    expect(delivery.payload).toMatchObject({ data: { incident: { id: 'inc-7', diagnosis: { cause: 'origin_down' } }, site: { name: 'shop' } } });
    expect(receiver.rejected).toEqual([]);
  });

  it('lets a receiver reject the same delivery with a tampered body', async () => {
    await channel().deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });
    const [delivery] = await receiver.waitForAccepted(1);
    const tampered = delivery.body.replace('"origin_down"', '"origin_error"');

    expect(verifyWebhook(receiver.secret, delivery.headers, delivery.body).ok).toBe(true);
    expect(verifyWebhook(receiver.secret, delivery.headers, tampered)).toEqual({ ok: false, reason: 'no matching signature' });
    const signed = ['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(delivery.headers[name])]);
    const replay = await fetch(receiver.url(), { method: 'POST', headers: Object.fromEntries(signed), body: tampered });
    expect(replay.status).toBe(401);
    expect(receiver.rejected).toHaveLength(1);
  });

  it('sends a flapping notice as incident.updated with notice "flapping"', async () => {
    const message = anAlertMessage({ type: 'incident.flapping', incident: anIncident({ pattern: 'flapping', flapping: true }) });
    await channel().deliver(message, { url: receiver.url(), secret: receiver.secret });
    const [delivery] = await receiver.waitForAccepted(1);
    expect(delivery.type).toBe('incident.updated');
    expect(delivery.payload).toMatchObject({ data: { notice: 'flapping', incident: { flapping: true } } });
  });

  it('asks for a retry on 503 and sends the same webhook-id and body when retried', async () => {
    const message = anAlertMessage();
    receiver.answer({ status: 503, times: 1 });

    const first = await channel().deliver(message, { url: receiver.url(), secret: receiver.secret });
    const second = await channel().deliver(message, { url: receiver.url(), secret: receiver.secret });

    expect(first).toEqual({ status: 'retry', error: 'HTTP 503', responseStatus: 503 });
    expect(second).toEqual({ status: 'delivered', responseStatus: 204 });
    expect(receiver.deliveries.map((delivery) => delivery.id)).toEqual([message.id, message.id]);
    expect(receiver.deliveries[0].body).toBe(receiver.deliveries[1].body);
  });

  it.each([
    [429, 'retry'],
    [408, 'retry'],
    [500, 'retry'],
    [404, 'failed'],
    [410, 'failed'],
    [400, 'failed'],
  ])('answers %i with %s', async (status, expected) => {
    receiver.answer({ status });
    const outcome = await channel().deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });
    expect(outcome).toEqual({ status: expected, error: `HTTP ${status}`, responseStatus: status });
  });

  it('asks for a retry while the receiver refuses connections, and delivers once it is back on its port', async () => {
    await receiver.stop();
    const whileDown = await channel().deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });
    await receiver.start();
    const afterwards = await channel().deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });

    expect(whileDown).toEqual({ status: 'retry', error: 'ECONNREFUSED' });
    expect(afterwards).toEqual({ status: 'delivered', responseStatus: 204 });
  });

  it('gives up on a slow receiver at the deadline and asks for a retry', async () => {
    receiver.answer({ delayMs: 2000 });
    const started = Date.now();
    const outcome = await channel({ timeoutMs: 300 }).deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });
    expect(outcome).toEqual({ status: 'retry', error: 'timed out after 300 ms' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('does not follow a redirect', async () => {
    const elsewhere = await startWebhookReceiver({ secret: receiver.secret });
    try {
      receiver.answer({ status: 302, headers: { location: elsewhere.url() } });
      const outcome = await channel().deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });
      expect(outcome).toEqual({ status: 'failed', error: 'HTTP 302 (redirects are not followed)', responseStatus: 302 });
      expect(elsewhere.requests).toBe(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('reads only the first KiB of an endless answer', async () => {
    const endless = await startStreamingServer();
    try {
      const url = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/`;
      const outcome = await channel({ timeoutMs: 5000, maxResponseBytes: 4096 }).deliver(anAlertMessage(), { url, secret: receiver.secret });
      expect(outcome).toEqual({ status: 'delivered', responseStatus: 200 });
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });

  it('delivers over HTTPS, trusting the extra CAs of the environment', async () => {
    const certificates = makeTestCertificates();
    const server = createHttpsServer(certificates.leaf, (request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(202).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://localhost:${(server.address() as AddressInfo).port}/hooks`;
      const trusting = channel({ env: environment({ ca: [certificates.ca] }) });
      expect(await trusting.deliver(anAlertMessage(), { url, secret: receiver.secret })).toEqual({ status: 'delivered', responseStatus: 202 });
      expect(await channel().deliver(anAlertMessage(), { url, secret: receiver.secret })).toEqual({ status: 'retry', error: 'CERT_UNTRUSTED' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fails, without throwing, a message whose id cannot be a header', async () => {
    const outcome = await channel().deliver(anAlertMessage({ id: 'evt\r\n42' }), { url: receiver.url(), secret: receiver.secret });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/^invalid request: /) });
    expect(receiver.requests).toBe(0);
  });

  describe('target policy', () => {
    it.each([
      ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', 'target denied: 169.254.169.254 is a cloud metadata endpoint (AWS, Google Cloud, Azure, Oracle Cloud, DigitalOcean, Hetzner, OpenStack); allow it only by naming it exactly in HOPWATCH_TARGET_ALLOW'],
      ['metadata as an IPv4-mapped IPv6 literal', 'http://[::ffff:169.254.169.254]/', 'target denied: ::ffff:a9fe:a9fe (embedding 169.254.169.254) is a cloud metadata endpoint (AWS, Google Cloud, Azure, Oracle Cloud, DigitalOcean, Hetzner, OpenStack); allow it only by naming it exactly in HOPWATCH_TARGET_ALLOW'],
      ['metadata in NAT64 form', 'http://[64:ff9b::a9fe:a9fe]/', 'target denied: 64:ff9b::a9fe:a9fe (embedding 169.254.169.254) is a cloud metadata endpoint (AWS, Google Cloud, Azure, Oracle Cloud, DigitalOcean, Hetzner, OpenStack); allow it only by naming it exactly in HOPWATCH_TARGET_ALLOW'],
      ['the unspecified address', 'http://0.0.0.0/', 'target denied: 0.0.0.0 is a unspecified address (allow it with HOPWATCH_TARGET_ALLOW=0.0.0.0/32)'],
    ])('refuses %s before any connection', async (_name, url, error) => {
      const outcome = await channel().deliver(anAlertMessage(), { url, secret: receiver.secret });
      expect(outcome).toEqual({ status: 'failed', error });
    });

    it('refuses a loopback literal under the default policy, and the receiver sees no connection', async () => {
      const outcome = await channel({ env: environment({ policy: DEFAULT_POLICY }) }).deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });
      expect(outcome).toEqual({ status: 'failed', error: 'target denied: 127.0.0.1 is a loopback address (allow it with HOPWATCH_TARGET_ALLOW=127.0.0.1/32)' });
      expect(receiver.connections).toBe(0);
    });

    it('refuses an address in the deny list even inside an allowed range', async () => {
      const policy = createTargetPolicy({ allow: ['127.0.0.0/8'], deny: ['127.0.0.1'] });
      const outcome = await channel({ env: environment({ policy }) }).deliver(anAlertMessage(), { url: receiver.url(), secret: receiver.secret });
      expect(outcome).toEqual({ status: 'failed', error: 'target denied: 127.0.0.1 is in HOPWATCH_TARGET_DENY' });
      expect(receiver.connections).toBe(0);
    });

    it('refuses a name whose resolved address is denied (localhost under the default policy)', async () => {
      const url = `http://localhost:${receiver.port}/hooks`;
      const outcome = await channel({ env: environment({ policy: DEFAULT_POLICY }) }).deliver(anAlertMessage(), { url, secret: receiver.secret });
      expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/^target denied: localhost resolves to .*loopback address \(allow it with HOPWATCH_TARGET_ALLOW=.*\)$/) });
      expect(receiver.connections).toBe(0);
    });

    it('rejects unsupported schemes', async () => {
      const outcome = await channel().deliver(anAlertMessage(), { url: 'ftp://example.com/hook', secret: receiver.secret });
      expect(outcome).toEqual({ status: 'failed', error: 'unsupported URL scheme ftp:' });
    });
  });

  describe('names resolved through the region resolvers', () => {
    let dns: TestDnsServer;

    beforeEach(async () => {
      dns = await startDnsServer({ 'hooks.example.test': { A: ['127.0.0.1'] }, 'metadata.example.test': { A: ['169.254.169.254'] } });
    });

    afterEach(async () => {
      await dns.close();
    });

    it('delivers to a name that resolves to an allowed address', async () => {
      const url = `http://hooks.example.test:${receiver.port}/hooks`;
      const outcome = await channel({ env: environment({ resolvers: [dns.address] }) }).deliver(anAlertMessage(), { url, secret: receiver.secret });
      expect(outcome).toEqual({ status: 'delivered', responseStatus: 204 });
      expect(receiver.deliveries[0].headers.host).toBe(`hooks.example.test:${receiver.port}`);
    });

    it('refuses a name that resolves to the metadata address (DNS rebinding to 169.254.169.254)', async () => {
      const url = 'http://metadata.example.test/latest/meta-data/';
      const outcome = await channel({ env: environment({ resolvers: [dns.address] }) }).deliver(anAlertMessage(), { url, secret: receiver.secret });
      expect(outcome).toEqual({
        status: 'failed',
        error: 'target denied: metadata.example.test resolves to 169.254.169.254, denied: 169.254.169.254 is a cloud metadata endpoint (AWS, Google Cloud, Azure, Oracle Cloud, DigitalOcean, Hetzner, OpenStack); allow it only by naming it exactly in HOPWATCH_TARGET_ALLOW',
      });
    });

    it('asks for a retry when the name does not resolve', async () => {
      const url = `http://missing.example.test:${receiver.port}/hooks`;
      const outcome = await channel({ env: environment({ resolvers: [dns.address] }) }).deliver(anAlertMessage(), { url, secret: receiver.secret });
      expect(outcome).toEqual({ status: 'retry', error: 'ENOTFOUND' });
    });
  });
});

/** Answers 200 and then streams body bytes for as long as the client listens. */
async function startStreamingServer(): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => response.write('x'.repeat(1024)), 5);
    response.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
