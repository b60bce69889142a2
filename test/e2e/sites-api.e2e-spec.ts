import { DataSource } from 'typeorm';
import { aHop, aSite } from '../support/factories/site.factory';
import { BootedApi, bootApi } from '../support/boot-api';

describe('sites API', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const create = (body: Record<string, unknown>) => api.http().post('/api/v1/sites').set(api.auth()).send(body);
  const rowCount = async (table: string): Promise<number> => {
    const [row] = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  };

  it('registers a site with its hops, resolvers and tags, and reads it back', async () => {
    const created = await create(aSite()).expect(201);
    expect(created.body).toMatchObject({
      name: 'shop',
      url: 'https://shop.example.com/',
      method: 'GET',
      intervalSeconds: 60,
      timeoutMs: 10000,
      expectStatus: '200-399',
      regions: ['default'],
      dns: { resolvers: ['system', '127.0.0.1:5353'] },
      tags: ['prod', 'eu'],
      paused: false,
      confirmations: 2,
      recoveries: 2,
    });
    expect(created.body.detection).toEqual({});
    expect(created.body.hops.map((hop: { name: string }) => hop.name)).toEqual(['edge', 'proxy', 'app']);
    expect(created.body.hops[0]).toMatchObject({ role: 'cdn', connectTo: '127.0.0.1:8443', hostHeader: null });
    expect(created.body.hops[1]).toMatchObject({ hostHeader: 'shop.example.com' });
    expect(new Date(created.body.nextRunAt).getTime()).toBeGreaterThan(Date.now() - 1000);

    const read = await api.http().get(`/api/v1/sites/${created.body.id}`).set(api.auth()).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('updates fields, replaces the hop chain when hops are sent, and keeps it otherwise', async () => {
    const { body: site } = await create(aSite({ name: 'patch-me' })).expect(201);
    const renamed = await api.http().patch(`/api/v1/sites/${site.id}`).set(api.auth()).send({ name: 'patched', timeoutMs: 5000 }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'patched', timeoutMs: 5000 });
    expect(renamed.body.hops).toHaveLength(3);

    const rechained = await api.http().patch(`/api/v1/sites/${site.id}`).set(api.auth())
      .send({ hops: [aHop({ name: 'only', role: 'app' })] }).expect(200);
    expect(rechained.body.hops.map((hop: { name: string }) => hop.name)).toEqual(['only']);
  });

  it('keeps per-site overrides of the detection defaults', async () => {
    const { body: site } = await create(aSite({ name: 'tuned', detection: { rateWindow: 20, rateThreshold: 0.3 } })).expect(201);
    expect(site.detection).toEqual({ rateWindow: 20, rateThreshold: 0.3 });
    const patched = await api.http().patch(`/api/v1/sites/${site.id}`).set(api.auth()).send({ detection: { flapLimit: 8 } }).expect(200);
    expect(patched.body.detection).toEqual({ flapLimit: 8 });
  });

  it('moves the next run when the interval changes', async () => {
    const { body: site } = await create(aSite({ name: 'interval', intervalSeconds: 3600 })).expect(201);
    const updated = await api.http().patch(`/api/v1/sites/${site.id}`).set(api.auth()).send({ intervalSeconds: 5 }).expect(200);
    expect(new Date(updated.body.nextRunAt).getTime()).toBeLessThanOrEqual(Date.now() + 6_000);
  });

  it('pauses and resumes a site', async () => {
    const { body: site } = await create(aSite({ name: 'pausable' })).expect(201);
    const paused = await api.http().post(`/api/v1/sites/${site.id}/pause`).set(api.auth()).expect(200);
    expect(paused.body.paused).toBe(true);
    const resumed = await api.http().post(`/api/v1/sites/${site.id}/resume`).set(api.auth()).expect(200);
    expect(resumed.body.paused).toBe(false);
  });

  it('deletes a site with its hops, and 404s afterwards', async () => {
    const { body: site } = await create(aSite({ name: 'doomed' })).expect(201);
    const hopsBefore = await rowCount('hops');
    await api.http().delete(`/api/v1/sites/${site.id}`).set(api.auth()).expect(204);
    await api.http().get(`/api/v1/sites/${site.id}`).set(api.auth()).expect(404);
    await api.http().delete(`/api/v1/sites/${site.id}`).set(api.auth()).expect(404);
    expect(await rowCount('hops')).toBe(hopsBefore - 3);
  });

  it('answers 400 for an id that is not a uuid and 404 for an unknown one', async () => {
    await api.http().get('/api/v1/sites/not-a-uuid').set(api.auth()).expect(400);
    await api.http().get('/api/v1/sites/00000000-0000-4000-8000-000000000000').set(api.auth()).expect(404);
  });

  describe('listing', () => {
    beforeAll(async () => {
      for (let index = 0; index < 7; index++) {
        await create(aSite({ name: `listed-${index}`, tags: index % 2 === 0 ? ['even', 'listing'] : ['odd', 'listing'], paused: index === 6 })).expect(201);
      }
    });

    it('pages through sites with limit and offset and reports the total', async () => {
      const first = await api.http().get('/api/v1/sites?tag=listing&limit=3&offset=0').set(api.auth()).expect(200);
      const second = await api.http().get('/api/v1/sites?tag=listing&limit=3&offset=3').set(api.auth()).expect(200);
      const third = await api.http().get('/api/v1/sites?tag=listing&limit=3&offset=6').set(api.auth()).expect(200);
      expect(first.body).toMatchObject({ total: 7, limit: 3, offset: 0 });
      const names = [...first.body.items, ...second.body.items, ...third.body.items].map((site: { name: string }) => site.name);
      expect(names).toEqual(['listed-0', 'listed-1', 'listed-2', 'listed-3', 'listed-4', 'listed-5', 'listed-6']);
      expect(first.body.items[0].hops).toHaveLength(3);
    });

    it('filters by one or several tags and by status', async () => {
      const even = await api.http().get('/api/v1/sites?tag=even').set(api.auth()).expect(200);
      expect(even.body.total).toBe(4);
      const both = await api.http().get('/api/v1/sites?tag=even,listing').set(api.auth()).expect(200);
      expect(both.body.total).toBe(4);
      const paused = await api.http().get('/api/v1/sites?tag=listing&status=paused').set(api.auth()).expect(200);
      expect(paused.body.items.map((site: { name: string }) => site.name)).toEqual(['listed-6']);
    });

    it('rejects a limit out of range', async () => {
      const response = await api.http().get('/api/v1/sites?limit=0').set(api.auth()).expect(400);
      expect(response.body.message).toEqual(expect.arrayContaining([expect.stringContaining('limit')]));
    });
  });

  describe('validation', () => {
    const cases: Array<{ name: string; body: Record<string, unknown>; field: string | RegExp }> = [
      { name: 'a URL with a scheme other than http(s)', body: aSite({ url: 'ftp://shop.example.com/' }), field: 'url must be an http://, https://, tcp://host:port or dns://name URL' },
      { name: 'a URL that is not a URL', body: aSite({ url: 'shop' }), field: 'url must be an http://, https://, tcp://host:port or dns://name URL' },
      { name: 'an interval below 5 s', body: aSite({ intervalSeconds: 1 }), field: 'intervalSeconds must not be less than 5' },
      { name: 'an interval above a day', body: aSite({ intervalSeconds: 86401 }), field: 'intervalSeconds must not be greater than 86400' },
      { name: 'a timeout out of range', body: aSite({ timeoutMs: 50 }), field: 'timeoutMs must not be less than 100' },
      { name: 'an unknown hop role', body: aSite({ hops: [aHop({ role: 'database' })] }), field: 'hops.0.role must be one of cdn, load_balancer, reverse_proxy, app, other' },
      { name: 'duplicate hop names', body: aSite({ hops: [aHop({ name: 'a' }), aHop({ name: 'a' })] }), field: 'hops must have unique names; repeated: a' },
      { name: 'a hop named entry', body: aSite({ hops: [aHop({ name: 'entry' })] }), field: /hops\.0\.name must be/ },
      { name: 'a malformed connectTo', body: aSite({ hops: [aHop({ connectTo: 'origin.internal:80' })] }), field: /hops\.0\.connectTo must be an IP address/ },
      { name: 'a connectTo with a bad port', body: aSite({ hops: [aHop({ connectTo: '10.0.0.1:70000' })] }), field: /hops\.0\.connectTo must be an IP address/ },
      { name: 'a tcp hop without a port', body: aSite({ hops: [aHop({ url: 'tcp://10.0.0.1' })] }), field: /hops\.0\.url must be an http:\/\/, https:\/\/ or tcp:\/\/host:port URL/ },
      { name: 'a bad expectStatus', body: aSite({ expectStatus: '200-999' }), field: /expectStatus must be status codes/ },
      { name: 'a bad resolver', body: aSite({ dns: { resolvers: ['dns.google'] } }), field: /dns\.resolvers must be "system" or a resolver address/ },
      { name: 'an unknown field', body: aSite({ colour: 'blue' }), field: 'property colour should not exist' },
      { name: 'an unknown hop field', body: aSite({ hops: [aHop({ weight: 3 })] }), field: 'hops.0.property weight should not exist' },
      { name: 'a missing url', body: { name: 'x' }, field: 'url must be an http://, https://, tcp://host:port or dns://name URL' },
      { name: 'a region with a colon', body: aSite({ regions: ['eu:west'] }), field: /each value in regions must be/ },
      { name: 'a denied literal target (cloud metadata)', body: aSite({ hops: [aHop({ url: 'http://169.254.169.254/latest/meta-data' })] }), field: /hops\.0\.url is not allowed: 169\.254\.169\.254 is a cloud metadata endpoint/ },
      { name: 'a denied literal target (link-local)', body: aSite({ hops: [aHop({ url: 'http://169.254.10.10/' })] }), field: /hops\.0\.url is not allowed: 169\.254\.10\.10 is a linkLocal address \(allow it with HOPWATCH_TARGET_ALLOW=169\.254\.10\.10\/32\)/ },
      { name: 'a wrong type', body: aSite({ intervalSeconds: '60' }), field: /intervalSeconds must be an integer/ },
    ];

    it.each(cases)('rejects $name with 400 naming the field, and writes nothing', async ({ body, field }) => {
      const sitesBefore = await rowCount('sites');
      const hopsBefore = await rowCount('hops');
      const response = await create(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      const messages: string[] = response.body.message;
      expect(messages.some((message) => (typeof field === 'string' ? message.includes(field) : field.test(message)))).toBe(true);
      expect(await rowCount('sites')).toBe(sitesBefore);
      expect(await rowCount('hops')).toBe(hopsBefore);
    });

    it('rejects invalid JSON with 400', async () => {
      const response = await api.http().post('/api/v1/sites').set(api.auth()).set('Content-Type', 'application/json').send('{"name": ').expect(400);
      expect(response.body.message).toEqual(['body is not valid JSON']);
    });

    it('rejects a body over 64 KiB with 413', async () => {
      const response = await create(aSite({ bodyContains: 'x'.repeat(70 * 1024) })).expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, message: 'request body is larger than 64 KiB' });
    });

    it('validates a PATCH the same way and leaves the site unchanged', async () => {
      const { body: site } = await create(aSite({ name: 'stable' })).expect(201);
      await api.http().patch(`/api/v1/sites/${site.id}`).set(api.auth()).send({ name: 'changed', hops: [aHop({ role: 'nope' })] }).expect(400);
      const read = await api.http().get(`/api/v1/sites/${site.id}`).set(api.auth()).expect(200);
      expect(read.body.name).toBe('stable');
      expect(read.body.hops).toHaveLength(3);
    });
  });

});
