import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { startTcpListener, TcpListener } from '../support/tcp-listener';

type Row = { target: string; kind: string; ok: boolean; error_code: string | null };

describe('tcp sites: tcp://host:port as the entry', () => {
  let pipeline: BootedPipeline;
  let listener: TcpListener;

  beforeAll(async () => {
    listener = await startTcpListener(await freePort());
    pipeline = await bootPipeline({ HOPWATCH_RESOLVE_QUIET_SECONDS: '0' });
  });

  afterAll(async () => {
    await pipeline.close();
    await listener.close();
  });

  const entryRows = (siteId: string) =>
    pipeline.query<Row>(`SELECT target, kind, ok, error_code FROM check_results WHERE site_id = $1 AND target = 'entry' ORDER BY slot`, [siteId]);
  const incidents = (siteId: string) =>
    pipeline.query<{ status: string; cause: string; failing_hop: string | null }>(`SELECT status, cause, failing_hop FROM incidents WHERE site_id = $1`, [siteId]);

  it('is up while the port accepts connections, opens an incident when it refuses, and resolves when it accepts again', async () => {
    const created = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
      .send({ name: 'postgres-port', url: `tcp://127.0.0.1:${listener.port}`, intervalSeconds: 5, timeoutMs: 2000, confirmations: 1, recoveries: 1 })
      .expect(201);
    expect(created.body.url).toBe(`tcp://127.0.0.1:${listener.port}`);
    const siteId: string = created.body.id;

    const up = await waitFor(() => entryRows(siteId), (rows) => rows.some((row) => row.ok));
    expect(up[0]).toMatchObject({ kind: 'tcp', ok: true, error_code: null });
    expect(listener.accepted).toBeGreaterThan(0);

    await listener.stop();
    await waitFor(() => entryRows(siteId), (rows) => rows.some((row) => !row.ok && row.error_code === 'ECONNREFUSED'));
    const [opened] = await waitFor(() => incidents(siteId), (rows) => rows.some((row) => row.status === 'open'));
    expect(opened).toMatchObject({ status: 'open', cause: 'origin_down', failing_hop: 'entry' });

    await listener.start();
    await waitFor(() => incidents(siteId), (rows) => rows.length > 0 && rows.every((row) => row.status === 'resolved'), 30_000);
  });

  it('refuses a tcp entry without a port, naming the field', async () => {
    const response = await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({ name: 'no-port', url: 'tcp://127.0.0.1' }).expect(400);
    expect(response.body.message).toContain('url must be an http://, https://, tcp://host:port or dns://name URL');
    const [{ n }] = await pipeline.query<{ n: number }>(`SELECT count(*)::int AS n FROM sites WHERE name = 'no-port'`);
    expect(n).toBe(0);
  });
});
