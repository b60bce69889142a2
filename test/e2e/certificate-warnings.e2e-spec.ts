import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { webhookChannel } from '../support/alerting-lab';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { startTargetServer, TargetServer } from '../support/target-server';
import { makeTestCertificates } from '../support/tls-certs';
import { WebhookReceiver } from '../support/webhook-receiver';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('certificate expiry warnings', () => {
  let pipeline: BootedPipeline;
  let entry: TargetServer;
  let origin: Server;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    entry = await startTargetServer();
    // A certificate valid for two days: under the default 21- and 7-day thresholds, above the 1-day one.
    const { leaf } = makeTestCertificates();
    origin = createServer({ key: leaf.key, cert: leaf.cert }, (_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    pipeline = await bootPipeline({ HOPWATCH_PUBLIC_URL: 'https://hopwatch.example.com' });
  });

  afterAll(async () => {
    await pipeline.close();
    await Promise.all([entry.close(), receiver?.close(), new Promise((resolve) => origin.close(resolve))]);
  });

  const certificateNotices = () => receiver.accepted().filter((delivery) => delivery.type === 'certificate.expiring');

  it('warns once, naming the hop and the issuer, when a checked certificate is within the tightest threshold crossed', async () => {
    const channel = await webhookChannel(pipeline, 'certs');
    receiver = channel.receiver;
    const originPort = (origin.address() as AddressInfo).port;
    const created = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
      .send({
        name: 'shop',
        url: entry.url('/'),
        intervalSeconds: 5,
        hops: [{ name: 'tls-origin', role: 'app', url: `https://localhost:${originPort}/`, connectTo: '127.0.0.1' }],
        alertChannelIds: [channel.id],
      })
      .expect(201);
    const siteId: string = created.body.id;

    await waitFor(async () => certificateNotices().length, (count) => count >= 1, 20_000);
    const [notice] = certificateNotices();
    const data = notice.payload.data as Record<string, any>;
    expect(data.site).toMatchObject({ id: siteId, name: 'shop' });
    expect(data.incident).toBeNull();
    expect(data.link).toBe(`https://hopwatch.example.com/sites/${siteId}`);
    expect(data.certificate).toMatchObject({ target: 'tls-origin', issuer: 'hopwatch test CA', subject: 'app.example.test', thresholdDays: 7 });
    expect(data.certificate.daysLeft).toBeGreaterThan(1.5);
    expect(data.certificate.daysLeft).toBeLessThanOrEqual(2);

    // More runs see the same certificate: no second notice, and the 21-day threshold is recorded as spent.
    const runs = async () => (await pipeline.query<{ n: number }>(`SELECT count(*)::int AS n FROM check_results WHERE site_id = $1 AND target = 'tls-origin'`, [siteId]))[0].n;
    const seen = await runs();
    await waitFor(runs, (n) => n >= seen + 2, 20_000);
    await sleep(1_000);
    expect(certificateNotices()).toHaveLength(1);
    const rows = await pipeline.query<{ threshold_days: number; notify: boolean }>(
      `SELECT threshold_days, notify FROM certificate_warnings WHERE site_id = $1 ORDER BY threshold_days`,
      [siteId],
    );
    expect(rows).toEqual([{ threshold_days: 7, notify: true }, { threshold_days: 21, notify: false }]);
    const log = await pipeline.http().get(`/api/v1/alert-channels/${channel.id}/deliveries`).set(pipeline.auth).expect(200);
    expect(log.body.items.filter((delivery: { event: string }) => delivery.event === 'certificate')).toHaveLength(1);
  });
});
