import { webhookChannel } from '../support/alerting-lab';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { WebhookReceiver } from '../support/webhook-receiver';

type Row = { kind: string; ok: boolean; error_code: string | null; error_message: string | null };
type IncidentRow = { status: string; cause: string; summary: string };

describe('push (heartbeat) monitors', () => {
  let pipeline: BootedPipeline;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    pipeline = await bootPipeline({ HOPWATCH_RESOLVE_QUIET_SECONDS: '0', HOPWATCH_PUBLIC_URL: 'https://hopwatch.example.com' });
  });

  afterAll(async () => {
    await pipeline.close();
    await receiver?.close();
  });

  const entryRows = (siteId: string) =>
    pipeline.query<Row>(`SELECT kind, ok, error_code, error_message FROM check_results WHERE site_id = $1 AND target = 'entry' ORDER BY slot`, [siteId]);
  const incidents = (siteId: string) =>
    pipeline.query<IncidentRow>(`SELECT status, cause, diagnosis->>'summary' AS summary FROM incidents WHERE site_id = $1 ORDER BY started_at`, [siteId]);
  const pingPath = (pingUrl: string) => new URL(pingUrl).pathname;

  it('gives a ping URL, is up while pinged, opens an incident and alerts when the pings stop, and resolves on the next ping', async () => {
    const channel = await webhookChannel(pipeline, 'cron-alerts');
    receiver = channel.receiver;
    const created = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
      .send({ name: 'nightly-backup', push: { periodSeconds: 10, graceSeconds: 2 }, intervalSeconds: 5, confirmations: 1, recoveries: 1, alertChannelIds: [channel.id] })
      .expect(201);
    const { id: siteId, push } = created.body;
    expect(push).toMatchObject({ periodSeconds: 10, graceSeconds: 2, lastSuccessAt: null, lastStartAt: null, lastFailAt: null });
    expect(push.pingUrl).toMatch(/^https:\/\/hopwatch\.example\.com\/ping\/[A-Za-z0-9_-]{22}$/);
    expect(created.body.url).toBe(push.pingUrl);

    const pinged = await pipeline.http().get(pingPath(push.pingUrl)).expect(200);
    expect(pinged.body).toEqual({ kind: 'success', receivedAt: expect.any(String) });
    await pipeline.http().post(`${pingPath(push.pingUrl)}/start`).expect(200);
    const read = await pipeline.http().get(`/api/v1/sites/${siteId}`).set(pipeline.auth).expect(200);
    expect(read.body.push.lastSuccessAt).toBe(pinged.body.receivedAt);
    expect(read.body.push.lastStartAt).toEqual(expect.any(String));

    const up = await waitFor(() => entryRows(siteId), (rows) => rows.some((row) => row.ok));
    expect(up.find((row) => row.ok)).toMatchObject({ kind: 'push', error_code: null });

    // No more pings: past period + grace the monitor is down and an incident opens with an alert.
    const down = await waitFor(() => entryRows(siteId), (rows) => rows.some((row) => row.error_code === 'PING_MISSED'), 30_000);
    expect(down.find((row) => !row.ok)!.error_message).toMatch(/^no ping since .* \(expected every 10 s plus 2 s of grace\); it started at .* and has not finished$/);
    const [opened] = await waitFor(() => incidents(siteId), (rows) => rows.some((row) => row.status === 'open'));
    expect(opened).toMatchObject({ cause: 'heartbeat_missed' });
    expect(opened.summary).toMatch(/^The job did not ping in time/);
    const [notice] = await receiver.waitForAccepted(1, 20_000);
    expect(notice.type).toBe('incident.opened');
    expect(JSON.stringify(notice.payload)).toContain('heartbeat_missed');

    await pipeline.http().post(pingPath(push.pingUrl)).expect(200);
    await waitFor(() => incidents(siteId), (rows) => rows.every((row) => row.status === 'resolved'), 30_000);
  });

  it('goes down with job_failed when the job pings /fail, and up again on its next success', async () => {
    const created = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
      .send({ name: 'hourly-import', push: { periodSeconds: 3600 }, intervalSeconds: 5, confirmations: 1, recoveries: 1 })
      .expect(201);
    const { id: siteId, push } = created.body;
    expect(push.graceSeconds).toBe(60);
    await pipeline.http().get(`${pingPath(push.pingUrl)}/fail`).expect(200);
    await waitFor(() => entryRows(siteId), (rows) => rows.some((row) => row.error_code === 'PING_FAILED'));
    const [opened] = await waitFor(() => incidents(siteId), (rows) => rows.some((row) => row.status === 'open'));
    expect(opened.cause).toBe('job_failed');
    await pipeline.http().get(pingPath(push.pingUrl)).expect(200);
    await waitFor(() => incidents(siteId), (rows) => rows.every((row) => row.status === 'resolved'), 30_000);
  });

  it('answers 404 to an unknown ping URL, and 400 naming the field to what a push monitor cannot have', async () => {
    await pipeline.http().get('/ping/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    await pipeline.http().get('/ping/not a token').expect(404);
    const mixed = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
      .send({ name: 'mixed', url: 'https://shop.example.com/', push: { periodSeconds: 60 }, hops: [{ name: 'app', role: 'app', url: 'http://10.0.0.1/' }] })
      .expect(400);
    expect(mixed.body.message).toEqual([
      'url must not be given for a push monitor: hopwatch gives it its ping URL',
      'hops do not apply to a push monitor',
    ]);
    const tooShort = await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({ name: 'fast', push: { periodSeconds: 1 } }).expect(400);
    expect(tooShort.body.message).toContain('push.periodSeconds must not be less than 10');
    const [{ n }] = await pipeline.query<{ n: number }>(`SELECT count(*)::int AS n FROM sites WHERE name IN ('mixed', 'fast')`);
    expect(n).toBe(0);

    const web = await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({ name: 'web', url: 'https://shop.example.com/', paused: true }).expect(201);
    const patched = await pipeline.http().patch(`/api/v1/sites/${web.body.id}`).set(pipeline.auth).send({ push: { periodSeconds: 60 } }).expect(400);
    expect(patched.body.message).toEqual(['push can only be given when a monitor is created; this site is checked at its url']);
  });
});
