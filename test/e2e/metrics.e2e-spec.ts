import { webhookChannel, watchedSite } from '../support/alerting-lab';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { promtoolCheckMetrics } from '../support/promtool';
import { startTargetServer, TargetServer } from '../support/target-server';
import { WebhookReceiver } from '../support/webhook-receiver';

/** The value of the sample of `name` whose labels include every given pair, or undefined. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics', () => {
  let pipeline: BootedPipeline;
  let healthy: TargetServer;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    healthy = await startTargetServer();
    pipeline = await bootPipeline({ HOPWATCH_RESOLVE_QUIET_SECONDS: '0' });
  });

  afterAll(async () => {
    await pipeline.close();
    await Promise.all([healthy.close(), receiver?.close()]);
  });

  const scrape = async () => (await pipeline.http().get('/metrics').set(pipeline.auth).expect(200)).text;

  it('reports sites up and down, open incidents by cause, deliveries, probe phases and requests, and promtool finds no problem', async () => {
    const channel = await webhookChannel(pipeline, 'metrics-hook', { isDefault: true });
    receiver = channel.receiver;
    const upId = await watchedSite(pipeline, 'metrics-up', healthy.url('/'));
    const downId = await watchedSite(pipeline, 'metrics-down', `http://127.0.0.1:${await freePort()}/`, { confirmations: 1 });
    await pipeline.http().get('/api/v1/sites/00000000-0000-0000-0000-000000000000').set(pipeline.auth).expect(404);

    const exposition = await waitFor(scrape, (text) =>
      sample(text, 'hopwatch_site_up', { site_id: downId }) === 0 &&
      sample(text, 'hopwatch_site_up', { site_id: upId }) === 1 &&
      sample(text, 'hopwatch_incidents_open', { cause: 'origin_down' }) === 1 &&
      (sample(text, 'hopwatch_alert_delivery_attempts_total', { channel_kind: 'webhook', outcome: 'delivered' }) ?? 0) >= 1 &&
      // Histograms are read when the scrape starts, site states from Postgres a moment later: a check stored in
      // between shows its site up before its probe's phases.
      (sample(text, 'hopwatch_probe_phase_duration_seconds_count', { kind: 'http', phase: 'connect' }) ?? 0) > 0,
      45_000,
    );

    expect(sample(exposition, 'hopwatch_site_up', { site: 'metrics-up', site_id: upId, region: 'default' })).toBe(1);
    expect(sample(exposition, 'hopwatch_incidents_open', { cause: 'tls_failure' })).toBe(0);
    expect(sample(exposition, 'hopwatch_probe_phase_duration_seconds_count', { kind: 'http', phase: 'connect' })).toBeGreaterThan(0);
    expect(sample(exposition, 'hopwatch_probe_phase_duration_seconds_count', { kind: 'http', phase: 'total' })).toBeGreaterThan(0);
    expect(sample(exposition, 'hopwatch_http_requests_total', { method: 'POST', route: '/api/v1/sites', status: '201' })).toBe(2);
    expect(sample(exposition, 'hopwatch_http_requests_total', { method: 'GET', route: '/api/v1/sites/:id', status: '404' })).toBe(1);
    expect(receiver.accepted().length).toBeGreaterThanOrEqual(1);

    const verdict = await promtoolCheckMetrics(exposition);
    expect(verdict).toEqual({ exitCode: 0, problems: '' });
  });
});
