// Helpers for alerting tests: a channel whose receiver verifies with the channel's own secret, and a site
// whose entry is an app server the test can break.
import { BootedPipeline } from './boot-pipeline';
import { freePort } from './free-port';
import { startWebhookReceiver, WebhookReceiver } from './webhook-receiver';

export async function webhookChannel(pipeline: BootedPipeline, name: string, extra: Record<string, unknown> = {}): Promise<{ id: string; receiver: WebhookReceiver }> {
  const port = await freePort();
  const created = await pipeline.http().post('/api/v1/alert-channels').set(pipeline.auth)
    .send({ name, kind: 'webhook', url: `http://127.0.0.1:${port}/hooks/hopwatch`, ...extra }).expect(201);
  const receiver = await startWebhookReceiver({ secret: created.body.secret, port });
  return { id: created.body.id, receiver };
}

export async function emailChannel(pipeline: BootedPipeline, name: string, to: string[]): Promise<string> {
  const created = await pipeline.http().post('/api/v1/alert-channels').set(pipeline.auth).send({ name, kind: 'email', to }).expect(201);
  return created.body.id;
}

export async function watchedSite(pipeline: BootedPipeline, name: string, url: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
    .send({ name, url, intervalSeconds: 5, timeoutMs: 2000, confirmations: 2, recoveries: 2, ...extra }).expect(201);
  return created.body.id;
}

export async function deliveriesOf(pipeline: BootedPipeline, channelId: string): Promise<Array<Record<string, any>>> {
  return (await pipeline.http().get(`/api/v1/alert-channels/${channelId}/deliveries`).set(pipeline.auth).expect(200)).body.items;
}
