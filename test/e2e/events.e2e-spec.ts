import { AddressInfo } from 'node:net';
import { liveEventsChannel, REDIS, RedisConnection } from '@hopwatch/queue';
import { LiveEventsHub } from '../../apps/api/src/events/live-events.hub';
import { startAppServer, AppServer } from '../support/app-server';
import { watchedSite } from '../support/alerting-lab';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { EventStreamClient, openEventStream } from '../support/event-stream';
import { freePort } from '../support/free-port';
import { TEST_ADMIN_KEY } from '../support/test-config';

describe('live events (Server-Sent Events through Redis pub/sub)', () => {
  let pipeline: BootedPipeline;
  let origin: AppServer;
  let baseUrl: string;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    pipeline = await bootPipeline({ HOPWATCH_RESOLVE_QUIET_SECONDS: '0' });
    await pipeline.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(pipeline.app.getHttpServer().address() as AddressInfo).port}`;
    origin = await startAppServer(await freePort());
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await origin.close();
    await pipeline.close();
  });

  const open = async (headers: Record<string, string>) => {
    const stream = await openEventStream(`${baseUrl}/api/v1/events`, headers);
    streams.push(stream);
    return stream;
  };

  it('needs a key or a session', async () => {
    await expect(openEventStream(`${baseUrl}/api/v1/events`, {})).rejects.toThrow('answered 401');
  });

  it('streams each stored run and every incident change, and keeps the stream alive', async () => {
    const stream = await open({ Authorization: `Bearer ${TEST_ADMIN_KEY}` });
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers['cache-control']).toBe('no-cache, no-transform');
    const siteId = await watchedSite(pipeline, 'live', `http://127.0.0.1:${origin.port}/`);

    const run = await stream.waitForEvent((event) => event.event === 'check-run' && event.data.siteId === siteId);
    expect(run.data).toEqual({
      siteId,
      region: 'default',
      slot: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      ok: true,
      entryStatus: 200,
      entryErrorCode: null,
      totalMs: expect.any(Number),
    });

    await origin.down();
    const failed = await stream.waitForEvent((event) => event.event === 'check-run' && event.data.siteId === siteId && !event.data.ok);
    expect(failed.data).toMatchObject({ ok: false, entryStatus: null, entryErrorCode: 'ECONNREFUSED' });
    const opened = await stream.waitForEvent((event) => event.event === 'incident' && event.data.kind === 'opened');
    expect(opened.data).toEqual({ incidentId: expect.any(String), siteId, status: 'open', kind: 'opened' });
    await pipeline.http().get(`/api/v1/incidents/${opened.data.incidentId}`).set(pipeline.auth).expect(200);

    await origin.up();
    const resolved = await stream.waitForEvent((event) => event.event === 'incident' && event.data.kind === 'resolved', 45_000);
    expect(resolved.data).toEqual({ incidentId: opened.data.incidentId, siteId, status: 'resolved', kind: 'resolved' });
    // The incident took more than 15 s, so the stream has carried a keep-alive comment by now.
    expect(stream.comments).toContain('keep-alive');
  });

  it('takes the session cookie too', async () => {
    const signIn = await pipeline.http().post('/api/v1/session').send({ key: TEST_ADMIN_KEY }).expect(200);
    const cookie = (signIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const stream = await open({ Cookie: cookie });
    const siteId = await watchedSite(pipeline, 'live-cookie', `http://127.0.0.1:${origin.port}/`);
    await stream.waitForEvent((event) => event.event === 'check-run' && event.data.siteId === siteId);
  });

  it('takes a lone event too, as a worker of an older version publishes it', async () => {
    const stream = await open({ Authorization: `Bearer ${TEST_ADMIN_KEY}` });
    const event = { type: 'incident', data: { incidentId: 'c0ffee00-0000-4000-8000-000000000001', siteId: 'older', status: 'open', kind: 'opened' } };
    await pipeline.app.get<RedisConnection>(REDIS).publish(liveEventsChannel(pipeline.prefix), JSON.stringify(event));
    const received = await stream.waitForEvent((candidate) => candidate.event === 'incident' && candidate.data.siteId === 'older');
    expect(received.data).toEqual(event.data);
  });

  it('forgets a stream when its client goes away, and counts open streams in /metrics', async () => {
    const hub = pipeline.app.get(LiveEventsHub);
    const gauge = async () => Number(/^hopwatch_event_streams_open (\d+)$/m.exec((await pipeline.http().get('/metrics').expect(200)).text)?.[1]);
    const before = { streams: hub.size, gauge: await gauge() };
    const stream = await open({ Authorization: `Bearer ${TEST_ADMIN_KEY}` });
    expect(hub.size).toBe(before.streams + 1);
    expect(await gauge()).toBe(before.gauge + 1);
    stream.close();
    await waitFor(async () => hub.size, (size) => size === before.streams, 5_000);
    expect(await gauge()).toBe(before.gauge);
  });
});
