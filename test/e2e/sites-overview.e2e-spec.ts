import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckResultRepository, NewCheckResult } from '@hopwatch/db';
import { BootedApi, bootApi } from '../support/boot-api';
import { aResult, insertSite } from '../support/history-fixtures';

const HOUR = 3_600;
const DAY = 86_400;

type Item = Record<string, any>;

describe('the sites overview (the sites page in one request)', () => {
  let api: BootedApi;
  const now = Math.floor(Date.now() / 1000);
  const stripFrom = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  const ids: Record<string, string> = {};

  const write = (results: NewCheckResult[]) => api.app.get(CheckResultRepository).insertMany(results);
  const query = (sql: string, parameters: unknown[] = []) => api.app.get(DataSource).query(sql, parameters);
  const overview = async (params = '') => (await api.http().get(`/api/v1/sites/overview${params}`).set(api.auth()).expect(200)).body;
  const byName = (body: { items: Item[] }): Record<string, Item> => Object.fromEntries(body.items.map((item) => [item.name, item]));

  const site = async (name: string, fields: Record<string, unknown> = {}) => {
    ids[name] = (await api.http().post('/api/v1/sites').set(api.auth()).send({ name, url: `https://${name}.example.com/`, tags: ['prod'], ...fields }).expect(201)).body.id;
    return ids[name];
  };

  beforeAll(async () => {
    api = await bootApi();
    await site('steady');
    await site('failing');
    await site('split', { regions: ['eu', 'us'], tags: ['prod', 'edge'] });
    await site('resting', { paused: true });
    await site('serviced', { tags: ['db'] });
    await site('silent', { tags: ['other'] });
    await site('recovering', { url: 'https://monitor:s3cret-pass@recovering.example.com/health' });
    await write([
      // steady: fine now, down for an hour three hours ago, degraded the hour after; 30 days back too
      ...Array.from({ length: 6 }, (_, index) => aResult(ids.steady, now - 60 - index * 60, { totalMs: 100 })),
      ...Array.from({ length: 4 }, (_, index) => aResult(ids.steady, stripFrom + 20 * HOUR + index * 60, { ok: false })),
      ...Array.from({ length: 19 }, (_, index) => aResult(ids.steady, stripFrom + 21 * HOUR + index * 60, { totalMs: 100 })),
      aResult(ids.steady, stripFrom + 21 * HOUR + 1_800, { ok: false }),
      aResult(ids.steady, now - 20 * DAY, { ok: false }),
      aResult(ids.failing, now - 60, { ok: false, status: 502 }),
      aResult(ids.split, now - 60, { region: 'eu' }),
      aResult(ids.split, now - 60, { region: 'us', ok: false }),
      aResult(ids.resting, now - 60),
      aResult(ids.serviced, now - 60, { ok: false }),
      aResult(ids.recovering, now - 60),
    ]);
    await api.http().post('/api/v1/maintenance-windows').set(api.auth())
      .send({ name: 'db upgrade', tags: ['db'], startsAt: new Date((now - 600) * 1000).toISOString(), endsAt: new Date((now + 600) * 1000).toISOString() }).expect(201);
    await query(
      `INSERT INTO incidents (id, site_id, status, pattern, regions, started_at, cause, failing_hop, reported_by, gateway, confidence, diagnosis)
       VALUES ($1, $2, 'open', 'intermittent', '{default}', $3, 'origin_bad_response', 'app', 'proxy', 'nginx', 0.8, $4)`,
      [randomUUID(), ids.recovering, new Date((now - 900) * 1000), JSON.stringify({ summary: 'app resets connections; proxy (nginx) reports 502' })],
    );
  });

  afterAll(async () => {
    await api.close();
  });

  it('tells each site’s state: up, down, degraded, paused, maintenance or unknown', async () => {
    const items = byName(await overview());
    expect(Object.fromEntries(Object.entries(items).map(([name, item]) => [name, item.state]))).toEqual({
      steady: 'up',
      failing: 'down',
      split: 'degraded',
      resting: 'paused',
      serviced: 'maintenance',
      silent: 'unknown',
      recovering: 'degraded',
    });
  });

  it('gives the open incident’s cause and failing hop', async () => {
    const items = byName(await overview());
    expect(items.recovering.openIncident).toEqual({
      id: expect.any(String),
      pattern: 'intermittent',
      cause: 'origin_bad_response',
      failingHop: 'app',
      reportedBy: 'proxy',
      gateway: 'nginx',
      startedAt: new Date((now - 900) * 1000).toISOString(),
      summary: 'app resets connections; proxy (nginx) reports 502',
    });
    expect(items.steady.openIncident).toBeNull();
    expect(items.recovering.url).not.toContain('s3cret-pass');
    expect(items.recovering.url).toContain('recovering.example.com/health');
  });

  it('draws the 24 h strip from hourly rollups, each segment its worst result', async () => {
    const body = await overview();
    expect(body.stripFrom).toBe(new Date(stripFrom * 1000).toISOString());
    expect(body.segmentSeconds).toBe(3_600);
    const steady = byName(body).steady;
    expect(steady.segments).toHaveLength(24);
    expect(steady.segments[20]).toBe('down');
    expect(steady.segments[21]).toBe('degraded');
    // The newest results fall in the current hour, or partly in the one before it just after the hour turned.
    expect(steady.segments.slice(22)).toContain('up');
    expect(steady.segments.slice(22)).not.toContain('down');
    expect(steady.segments.slice(22)).not.toContain('degraded');
    expect(steady.segments[0]).toBe('none');
    const quarters = byName(await overview('?segments=4')).steady;
    expect(quarters.segments).toEqual(['none', 'none', 'none', 'down']);
    expect((await overview('?segments=4')).segmentSeconds).toBe(6 * 3_600);
  });

  it('gives 24 h and 30 d uptime and the 24 h p95 latency', async () => {
    const steady = byName(await overview()).steady;
    expect(steady.uptime.last24h).toBeCloseTo((25 / 30) * 100, 3);
    expect(steady.uptime.last30d).toBeCloseTo((25 / 31) * 100, 3);
    expect(steady.p95Ms).toBeGreaterThan(100 / 1.1);
    expect(steady.p95Ms).toBeLessThan(100 * 1.1);
    const silent = byName(await overview()).silent;
    expect(silent).toMatchObject({ uptime: { last24h: null, last30d: null }, p95Ms: null, segments: Array(24).fill('none') });
  });

  it('pages, filters by tag and searches by name', async () => {
    const first = await overview('?limit=3');
    expect(first).toMatchObject({ total: 7, limit: 3, offset: 0 });
    expect(first.items.map((item: Item) => item.name)).toEqual(['steady', 'failing', 'split']);
    const rest = await overview('?limit=3&offset=6');
    expect(rest.items.map((item: Item) => item.name)).toEqual(['recovering']);
    expect((await overview('?offset=50')).total).toBe(7);
    expect((await overview('?tag=prod,edge')).items.map((item: Item) => item.name)).toEqual(['split']);
    expect((await overview('?q=STEAD')).items.map((item: Item) => item.name)).toEqual(['steady']);
    expect((await overview('?q=%25')).items).toEqual([]);
    expect((await overview('?q=_')).items).toEqual([]);
  });

  it.each([
    ['?segments=48', 'segments must be one of 1, 2, 3, 4, 6, 8, 12, 24'],
    ['?limit=1001', 'limit must not be greater than 1000'],
    ['?offset=-1', 'offset must not be less than 0'],
  ])('refuses %s with a 400 naming the field', async (params, message) => {
    const response = await api.http().get(`/api/v1/sites/overview${params}`).set(api.auth()).expect(400);
    expect(response.body.message.join(' ')).toContain(message);
  });

  it('does not take "overview" for a site id, and needs a key', async () => {
    await api.http().get('/api/v1/sites/overview').expect(401);
    await api.http().get(`/api/v1/sites/${ids.steady}`).set(api.auth()).expect(200);
  });
});

describe('the sites overview with 1,000 sites', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi();
    const dataSource = api.app.get(DataSource);
    const now = Math.floor(Date.now() / 1000);
    const hour = Math.floor(now / HOUR) * HOUR;
    const siteIds: string[] = [];
    for (let index = 0; index < 1_000; index++) siteIds.push(await insertSite(dataSource));
    // A day of history for each: one result per hour (filling 24 hourly and 1-2 daily rollups) and a fresh one.
    const results = siteIds.flatMap((siteId, index) => [
      ...Array.from({ length: 24 }, (_, back) => aResult(siteId, hour - back * HOUR + 30, { ok: (index + back) % 17 !== 0, totalMs: 50 + (back % 7) * 20 })),
      aResult(siteId, now - 30),
    ]);
    for (let start = 0; start < results.length; start += 2_500) await api.app.get(CheckResultRepository).insertMany(results.slice(start, start + 2_500));
    await dataSource.query('ANALYZE');
  }, 180_000);

  afterAll(async () => {
    await api.close();
  });

  it('answers for all of them in one request (figure printed)', async () => {
    const timings: number[] = [];
    let body: { items: Item[]; total: number } = { items: [], total: 0 };
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      body = (await api.http().get('/api/v1/sites/overview?limit=1000').set(api.auth()).expect(200)).body;
      timings.push(performance.now() - started);
    }
    expect(body.total).toBe(1_000);
    expect(body.items).toHaveLength(1_000);
    expect(body.items.every((item) => item.segments.length === 24 && item.uptime.last24h !== null && item.p95Ms !== null)).toBe(true);
    expect(body.items.filter((item) => item.segments.includes('down')).length).toBeGreaterThan(0);
    const sorted = [...timings].sort((a, b) => a - b);
    process.stdout.write(`\nsites overview, 1,000 sites: median ${sorted[2].toFixed(0)} ms (runs: ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms)\n`);
  });
});
