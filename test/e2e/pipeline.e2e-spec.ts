import { CheckProcessor } from '../../apps/worker/src/checks/check.processor';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { startTargetServer, TargetServer } from '../support/target-server';

type Row = { target: string; slot: Date; started_at: Date; ok: boolean; status: number | null; n?: number };

describe('check pipeline: scheduler → queue → probes → writer', () => {
  let pipeline: BootedPipeline;
  let entry: TargetServer;
  let proxy: TargetServer;
  let app: TargetServer;

  beforeAll(async () => {
    [entry, proxy, app] = await Promise.all([startTargetServer(), startTargetServer(), startTargetServer()]);
    pipeline = await bootPipeline();
  });

  afterAll(async () => {
    await pipeline.close();
    await Promise.all([entry.close(), proxy.close(), app.close()]);
  });

  const register = async (overrides: Record<string, unknown> = {}) =>
    (
      await pipeline
        .http()
        .post('/api/v1/sites')
        .set(pipeline.auth)
        .send({
          name: 'chain',
          url: entry.url('/'),
          intervalSeconds: 5,
          hops: [
            { name: 'proxy', role: 'reverse_proxy', url: proxy.url('/') },
            { name: 'app', role: 'app', url: app.url('/health') },
          ],
          ...overrides,
        })
        .expect(201)
    ).body;

  const rows = (siteId: string) =>
    pipeline.query<Row>('SELECT target, slot, started_at, ok, status FROM check_results WHERE site_id = $1 ORDER BY slot, target', [siteId]);
  const slotsOf = (found: Row[]) => [...new Set(found.map((row) => row.slot.getTime() / 1000))];

  it('checks the entry and every hop once per slot, on time, and stores each result once', async () => {
    const site = await register();
    const found = await waitFor(() => rows(site.id), (result) => slotsOf(result).length >= 2, 20_000);
    const slots = slotsOf(found);
    expect(slots[1] - slots[0]).toBe(5);
    for (const slot of slots.slice(0, 2)) {
      const ofSlot = found.filter((row) => row.slot.getTime() / 1000 === slot);
      expect(ofSlot.map((row) => row.target).sort()).toEqual(['app', 'entry', 'proxy']);
      expect(ofSlot.every((row) => row.ok && row.status === 200)).toBe(true);
      for (const row of ofSlot) expect(row.started_at.getTime() - row.slot.getTime()).toBeLessThan(1_000);
    }
    const duplicates = await pipeline.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM check_results GROUP BY site_id, target, region, slot HAVING count(*) > 1) d`,
    );
    expect(duplicates[0].n).toBe(0);
  });

  it('serves the results newest first with cursor pagination and filters', async () => {
    const site = await register({ name: 'paged' });
    await waitFor(() => rows(site.id), (result) => slotsOf(result).length >= 2, 20_000);
    const first = await pipeline.http().get(`/api/v1/sites/${site.id}/checks?limit=2`).set(pipeline.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await pipeline.http().get(`/api/v1/sites/${site.id}/checks?limit=2&cursor=${first.body.nextCursor}`).set(pipeline.auth).expect(200);
    const all = [...first.body.items, ...second.body.items];
    expect(new Set(all.map((item: { id: string }) => item.id)).size).toBe(4);
    const keys = all.map((item: { slot: string; id: string }) => `${item.slot}|${item.id.padStart(12, '0')}`);
    expect([...keys].sort().reverse()).toEqual(keys);
    const onlyApp = await pipeline.http().get(`/api/v1/sites/${site.id}/checks?target=app`).set(pipeline.auth).expect(200);
    expect(onlyApp.body.items.every((item: { target: string }) => item.target === 'app')).toBe(true);
    expect(onlyApp.body.items[0].timings.totalMs).toBeGreaterThan(0);
    await pipeline.http().get(`/api/v1/sites/${site.id}/checks?cursor=garbage`).set(pipeline.auth).expect(400);
  });

  it('runs a check now through the same worker and returns every target', async () => {
    const site = await register({ name: 'run-now', intervalSeconds: 3600 });
    const response = await pipeline.http().post(`/api/v1/sites/${site.id}/check`).set(pipeline.auth).expect(200);
    expect(response.body.regions).toHaveLength(1);
    const [region] = response.body.regions;
    expect(region.region).toBe('default');
    expect(region.results.map((result: { target: string }) => result.target)).toEqual(['entry', 'proxy', 'app']);
    expect(region.results.every((result: { ok: boolean }) => result.ok)).toBe(true);
  });

  it('stops checking a paused site and resumes on its slots afterwards', async () => {
    const site = await register({ name: 'paused' });
    await waitFor(() => rows(site.id), (result) => slotsOf(result).length >= 1, 20_000);
    await pipeline.http().post(`/api/v1/sites/${site.id}/pause`).set(pipeline.auth).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const atPause = slotsOf(await rows(site.id)).length;
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(slotsOf(await rows(site.id)).length).toBe(atPause);
    await pipeline.http().post(`/api/v1/sites/${site.id}/resume`).set(pipeline.auth).expect(200);
    await waitFor(() => rows(site.id), (result) => slotsOf(result).length > atPause, 10_000);
  });

  it('follows a new interval from the next tick', async () => {
    const site = await register({ name: 'retimed', intervalSeconds: 3600 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pipeline.http().patch(`/api/v1/sites/${site.id}`).set(pipeline.auth).send({ intervalSeconds: 5 }).expect(200);
    const found = await waitFor(() => rows(site.id), (result) => slotsOf(result).length >= 2, 20_000);
    const slots = slotsOf(found);
    expect(slots[slots.length - 1] - slots[slots.length - 2]).toBe(5);
  });

  it('probes the chain as edited from the next slot on', async () => {
    const site = await register({ name: 'rechained' });
    const before = await waitFor(() => rows(site.id), (result) => slotsOf(result).length >= 1, 20_000);
    const editedAfter = Math.max(...slotsOf(before));
    await pipeline.http().patch(`/api/v1/sites/${site.id}`).set(pipeline.auth).send({ hops: [{ name: 'app', role: 'app', url: app.url('/health') }] }).expect(200);
    const targetsOfLastSlot = (found: Row[]) => found.filter((row) => row.slot.getTime() / 1000 === Math.max(...slotsOf(found))).map((row) => row.target).sort();
    const after = await waitFor(() => rows(site.id), (result) => Math.max(...slotsOf(result)) > editedAfter + 5 && targetsOfLastSlot(result).length === 2, 20_000);
    expect(targetsOfLastSlot(after)).toEqual(['app', 'entry']);
  });

  it('records a slot picked up more than an interval late as missed instead of probing it', async () => {
    const site = await register({ name: 'backlogged', intervalSeconds: 3600 });
    const staleSlot = Math.floor(Date.now() / 1000) - 120;
    const job = { siteId: site.id, region: 'default', slot: staleSlot, intervalSeconds: 60, spec: { entry: { kind: 'http', target: 'entry', role: 'entry', url: entry.url('/'), method: 'GET', connectTo: null, hostHeader: null, expectStatus: '200', bodyContains: null, timeoutMs: 1000 }, hops: [], dnsResolvers: [] } };
    await expect(pipeline.app.get(CheckProcessor).process({ data: job } as never)).resolves.toEqual({ missed: true });
    const [row] = await pipeline.query<{ error_code: string; ok: boolean }>(`SELECT error_code, ok FROM check_results WHERE site_id = $1 AND slot = to_timestamp($2)`, [site.id, staleSlot]);
    expect(row).toEqual({ error_code: 'MISSED', ok: false });
    const checks = await pipeline.http().get(`/api/v1/sites/${site.id}/checks?target=entry`).set(pipeline.auth).expect(200);
    const missed = checks.body.items.find((item: { slot: string }) => item.slot === new Date(staleSlot * 1000).toISOString());
    expect(missed).toMatchObject({ state: 'missed', ok: false, errorCode: 'MISSED' });
    expect(checks.body.items.filter((item: { state: string }) => item.state !== 'missed').every((item: { state: string; ok: boolean }) => item.state === (item.ok ? 'up' : 'down'))).toBe(true);
  });

  it('exposes check, lateness, queue and writer metrics', async () => {
    const metrics = await pipeline.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/hopwatch_checks_total\{region="default",kind="http",outcome="up"\} [1-9]/);
    expect(metrics.text).toContain('hopwatch_slot_lateness_seconds_bucket');
    expect(metrics.text).toContain('hopwatch_probe_duration_seconds_bucket');
    expect(metrics.text).toMatch(/hopwatch_writer_batch_size_count [1-9]/);
    expect(metrics.text).toContain('hopwatch_writer_flush_seconds_bucket');
    expect(metrics.text).toMatch(/hopwatch_queue_jobs\{region="default",state="waiting"\}/);
    expect(metrics.text).toMatch(/hopwatch_scheduler_enqueued_checks_total\{region="default"\} [1-9]/);
  });
});
