import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckResultRepository, NewCheckResult } from '@hopwatch/db';
import { BootedApi, bootApi } from '../support/boot-api';
import { aResult } from '../support/history-fixtures';

const DAY = 86_400;
const SECRET_BODY = 'upstream prematurely closed connection while reading response header from upstream, client: 10.9.8.7';

describe('status pages', () => {
  let api: BootedApi;
  let shopId: string;
  let blogId: string;
  let hiddenId: string;

  const createSite = async (name: string, tags: string[]) =>
    (
      await api.http().post('/api/v1/sites').set(api.auth()).send({
        name,
        url: `https://${name}.example.com/`,
        tags,
        paused: true,
        hops: [
          { name: 'edge-fra-7', role: 'cdn', url: `https://${name}.example.com/`, connectTo: '127.0.0.9:8443' },
          { name: 'internal-proxy', role: 'reverse_proxy', url: 'http://127.0.0.1:8081/', hostHeader: `${name}.internal.corp` },
        ],
      }).expect(201)
    ).body.id as string;

  const write = (results: NewCheckResult[]) => api.app.get(CheckResultRepository).insertMany(results);
  const query = (sql: string, parameters: unknown[] = []) => api.app.get(DataSource).query(sql, parameters);

  const insertIncident = async (siteId: string, fields: { status: 'open' | 'resolved'; pattern: string; cause: string; startedAt: Date; resolvedAt: Date | null }) => {
    const id = randomUUID();
    const diagnosis = {
      cause: fields.cause,
      failingHop: 'internal-proxy',
      reportedBy: 'edge-fra-7',
      gateway: 'nginx',
      summary: 'internal-proxy at http://127.0.0.1:8081/ refused connections from 10.9.8.7',
      evidence: [{ text: SECRET_BODY }],
      nextSteps: ['ssh 10.9.8.7 and restart the app'],
    };
    await query(
      `INSERT INTO incidents (id, site_id, status, pattern, regions, started_at, resolved_at, cause, failing_hop, reported_by, gateway, confidence, diagnosis)
       VALUES ($1, $2, $3, $4, '{default}', $5, $6, $7, 'internal-proxy', 'edge-fra-7', 'nginx', 0.9, $8)`,
      [id, siteId, fields.status, fields.pattern, fields.startedAt, fields.resolvedAt, fields.cause, JSON.stringify(diagnosis)],
    );
    return id;
  };

  beforeAll(async () => {
    api = await bootApi();
    shopId = await createSite('shop', []);
    blogId = await createSite('blog', ['public']);
    hiddenId = await createSite('hidden', ['internal']);
  });

  afterAll(async () => {
    await api.close();
  });

  describe('managing pages', () => {
    it('creates, lists, reads, changes and deletes a page', async () => {
      const created = await api.http().post('/api/v1/status-pages').set(api.auth())
        .send({ slug: 'crud-page', title: 'Crud', siteIds: [shopId], tags: ['public'] }).expect(201);
      expect(created.body).toMatchObject({ slug: 'crud-page', title: 'Crud', description: null, siteIds: [shopId], tags: ['public'], path: '/status/crud-page' });
      const listed = await api.http().get('/api/v1/status-pages').set(api.auth()).expect(200);
      expect(listed.body.map((page: { slug: string }) => page.slug)).toContain('crud-page');
      await api.http().get(`/api/v1/status-pages/${created.body.id}`).set(api.auth()).expect(200);
      const changed = await api.http().patch(`/api/v1/status-pages/${created.body.id}`).set(api.auth())
        .send({ slug: 'crud-page-2', description: 'All of it' }).expect(200);
      expect(changed.body).toMatchObject({ slug: 'crud-page-2', title: 'Crud', description: 'All of it', path: '/status/crud-page-2' });
      await api.http().get('/api/v1/public/status-pages/crud-page').expect(404);
      await api.http().get('/api/v1/public/status-pages/crud-page-2').expect(200);
      await api.http().delete(`/api/v1/status-pages/${created.body.id}`).set(api.auth()).expect(204);
      await api.http().get(`/api/v1/status-pages/${created.body.id}`).set(api.auth()).expect(404);
      await api.http().get('/api/v1/public/status-pages/crud-page-2').expect(404);
    });

    it('forgets a deleted site on every page and window that named it, so both can be saved unchanged', async () => {
      const doomedId = await createSite('doomed', []);
      const page = await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'forgets', title: 'Forgets', siteIds: [doomedId, shopId] }).expect(201);
      const window = await api.http().post('/api/v1/maintenance-windows').set(api.auth())
        .send({ name: 'forgets', siteIds: [shopId, doomedId], startsAt: '2030-01-01T02:00:00Z', endsAt: '2030-01-01T04:00:00Z' }).expect(201);
      await api.http().delete(`/api/v1/sites/${doomedId}`).set(api.auth()).expect(204);

      const after = await api.http().get(`/api/v1/status-pages/${page.body.id}`).set(api.auth()).expect(200);
      expect(after.body.siteIds).toEqual([shopId]);
      await api.http().patch(`/api/v1/status-pages/${page.body.id}`).set(api.auth()).send({ siteIds: after.body.siteIds, title: 'Still forgets' }).expect(200);
      const windows = await api.http().get('/api/v1/maintenance-windows').set(api.auth()).expect(200);
      expect(windows.body.find((item: { id: string }) => item.id === window.body.id).siteIds).toEqual([shopId]);
    });

    it('records the tool that manages a page, null for a hand-made one, and clears a description with null', async () => {
      const managed = await api.http().post('/api/v1/status-pages').set(api.auth())
        .send({ slug: 'managed-page', title: 'Managed', description: 'By a tool', tags: ['public'], managedBy: 'hopwatch' }).expect(201);
      expect(managed.body).toMatchObject({ managedBy: 'hopwatch', description: 'By a tool' });
      const cleared = await api.http().patch(`/api/v1/status-pages/${managed.body.id}`).set(api.auth()).send({ description: null }).expect(200);
      expect(cleared.body).toMatchObject({ managedBy: 'hopwatch', description: null });
      const [row] = await query(`SELECT managed_by, description FROM status_pages WHERE id = $1`, [managed.body.id]);
      expect(row).toEqual({ managed_by: 'hopwatch', description: null });
      const byHand = await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'hand-page', title: 'By hand', tags: ['public'] }).expect(201);
      expect(byHand.body.managedBy).toBeNull();
      const listed = await api.http().get('/api/v1/status-pages').set(api.auth()).expect(200);
      expect(listed.body.find((page: { slug: string }) => page.slug === 'hand-page')).toMatchObject({ managedBy: null });
      await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'bad-owner', title: 'x', tags: ['public'], managedBy: 'no spaces' }).expect(400);
      await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'null-text', title: 'x', tags: ['public'], description: null }).expect(400);
    });

    it('refuses a taken slug with 409, on create and on change', async () => {
      await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'taken', title: 'One', tags: ['public'] }).expect(201);
      const clash = await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'taken', title: 'Two', tags: ['public'] }).expect(409);
      expect(clash.body.message).toContain('"taken"');
      const other = await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'other', title: 'Other', tags: ['public'] }).expect(201);
      await api.http().patch(`/api/v1/status-pages/${other.body.id}`).set(api.auth()).send({ slug: 'taken' }).expect(409);
      const [{ count }] = await query(`SELECT count(*)::int AS count FROM status_pages WHERE slug = 'taken'`);
      expect(count).toBe(1);
    });

    it.each([
      [{ slug: 'Has Spaces', title: 'x', tags: ['a'] }, 'slug must be lowercase letters, digits and single hyphens'],
      [{ slug: 'double--hyphen', title: 'x', tags: ['a'] }, 'slug must be lowercase letters, digits and single hyphens'],
      [{ slug: 'no-sites', title: 'x' }, 'siteIds or tags must name at least one site or tag'],
      [{ slug: 'empty-lists', title: 'x', siteIds: [], tags: [] }, 'siteIds or tags must name at least one site or tag'],
      [{ slug: 'bad-id', title: 'x', siteIds: ['nope'] }, 'each value in siteIds must be a UUID'],
      [{ slug: 'no-title', tags: ['a'] }, 'title must be a string'],
      [{ slug: 'extra', title: 'x', tags: ['a'], theme: 'dark' }, 'property theme should not exist'],
    ])('refuses %o with a 400 naming the field', async (body, message) => {
      const response = await api.http().post('/api/v1/status-pages').set(api.auth()).send(body).expect(400);
      expect(response.body.message.join(' ')).toContain(message);
      const [{ count }] = await query(`SELECT count(*)::int AS count FROM status_pages WHERE slug = $1`, [body.slug]);
      expect(count).toBe(0);
    });

    it('refuses unknown sites, and a change that would leave the page empty', async () => {
      const unknown = randomUUID();
      const response = await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'ghost', title: 'x', siteIds: [unknown] }).expect(400);
      expect(response.body.message).toEqual([`siteIds has sites that do not exist: ${unknown}`]);
      const page = await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'emptied', title: 'x', tags: ['public'] }).expect(201);
      await api.http().patch(`/api/v1/status-pages/${page.body.id}`).set(api.auth()).send({ tags: [] }).expect(400);
    });

    it('needs a write key to manage pages and no key at all to read one', async () => {
      const reader = (await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'reader', scope: 'read' }).expect(201)).body.key;
      await api.http().post('/api/v1/status-pages').set(api.auth(reader)).send({ slug: 'by-reader', title: 'x', tags: ['a'] }).expect(403);
      await api.http().get('/api/v1/status-pages').expect(401);
      const missing = await api.http().get('/api/v1/public/status-pages/no-such-page').expect(404);
      // A missing page is remembered as briefly as a found one, here and in the cache.
      expect(missing.headers['cache-control']).toBe('public, max-age=5');
    });
  });

  describe('the public figures', () => {
    const now = Math.floor(Date.now() / 1000);
    const today = now - (now % DAY);

    beforeAll(async () => {
      // shop: yesterday 99 up of 100 (degraded), three days ago 90 of 100 (down), today failing now with an open incident
      for (const [dayStart, up, down] of [[today - DAY, 99, 1], [today - 3 * DAY, 90, 10]]) {
        const slots = Array.from({ length: up + down }, (_, index) => dayStart + 60 + index * 60);
        await write(slots.map((slot, index) => aResult(shopId, slot, index < up ? {} : { ok: false, status: 502 })));
      }
      await write([
        { ...aResult(shopId, now - 120, { ok: false, status: 502 }), bodySnippet: SECRET_BODY, remoteAddress: '10.9.8.7' },
        { ...aResult(shopId, now - 120, { target: 'internal-proxy', ok: false, status: null, errorCode: 'ECONNREFUSED' }), remoteAddress: '10.9.8.7' },
        { ...aResult(shopId, now - 60, { ok: false, status: 502 }), bodySnippet: SECRET_BODY },
      ]);
      await query(`UPDATE sites SET paused = false WHERE id = $1`, [shopId]);
      await write([aResult(blogId, now - 60), aResult(hiddenId, now - 60, { ok: false })]);
      await query(`UPDATE sites SET paused = false WHERE id IN ($1, $2)`, [blogId, hiddenId]);
      await insertIncident(shopId, { status: 'open', pattern: 'persistent', cause: 'origin_down', startedAt: new Date((now - 600) * 1000), resolvedAt: null });
      await insertIncident(shopId, { status: 'resolved', pattern: 'intermittent', cause: 'overload', startedAt: new Date((today - DAY + 3600) * 1000), resolvedAt: new Date((today - DAY + 3900) * 1000) });
      await insertIncident(shopId, { status: 'resolved', pattern: 'persistent', cause: 'dns_failure', startedAt: new Date((today - 30 * DAY) * 1000), resolvedAt: new Date((today - 30 * DAY + 60) * 1000) });
      await insertIncident(hiddenId, { status: 'open', pattern: 'persistent', cause: 'origin_down', startedAt: new Date((now - 600) * 1000), resolvedAt: null });
      await api.http().post('/api/v1/status-pages').set(api.auth()).send({ slug: 'shop', title: 'Shop status', description: 'Our shop', siteIds: [shopId], tags: ['public'] }).expect(201);
    });

    it('shows the page’s sites (by id and by tag), their 90 days, state and incidents in plain words, without a key', async () => {
      const { body, headers } = await api.http().get('/api/v1/public/status-pages/shop').expect(200);
      expect(headers['cache-control']).toBe('public, max-age=5');
      expect(body).toMatchObject({ slug: 'shop', title: 'Shop status', description: 'Our shop', state: 'degraded' });
      expect(Date.now() - Date.parse(body.updatedAt)).toBeLessThan(10_000);
      expect(body.sites.map((site: { name: string; state: string }) => [site.name, site.state])).toEqual([['blog', 'operational'], ['shop', 'outage']]);
      const shop = body.sites[1];
      expect(shop.days).toHaveLength(90);
      const dayOf = (start: number) => shop.days.find((day: { date: string }) => day.date === new Date(start * 1000).toISOString().slice(0, 10));
      expect(dayOf(today - DAY)).toEqual({ date: new Date((today - DAY) * 1000).toISOString().slice(0, 10), uptimePercent: 99, worst: 'degraded' });
      expect(dayOf(today - 3 * DAY)).toMatchObject({ uptimePercent: 90, worst: 'down' });
      expect(dayOf(today - 2 * DAY)).toMatchObject({ uptimePercent: null, worst: 'none' });
      expect(dayOf(today)).toMatchObject({ uptimePercent: 0, worst: 'down' });
      expect(shop.days[89].date).toBe(new Date(today * 1000).toISOString().slice(0, 10));
      expect(shop.uptime90d).toBeCloseTo((189 / 202) * 100, 3);
      expect(body.incidents.current).toEqual([
        { site: 'shop', impact: 'outage', cause: 'The servers behind the site could not be reached.', startedAt: new Date((now - 600) * 1000).toISOString(), resolvedAt: null, durationSeconds: expect.any(Number) },
      ]);
      expect(body.incidents.past).toEqual([
        { site: 'shop', impact: 'degraded', cause: 'The site was overloaded.', startedAt: new Date((today - DAY + 3600) * 1000).toISOString(), resolvedAt: new Date((today - DAY + 3900) * 1000).toISOString(), durationSeconds: 300 },
      ]);
    });

    it('leaks no address, hop, product, error body or internal id', async () => {
      const { text } = await api.http().get('/api/v1/public/status-pages/shop').expect(200);
      const pageId = (await query(`SELECT id FROM status_pages WHERE slug = 'shop'`))[0].id;
      const incidentIds = (await query('SELECT id FROM incidents')).map((row: { id: string }) => row.id);
      for (const secret of ['127.0.0', '10.9.8.7', '8081', '8443', 'internal-proxy', 'edge-fra-7', 'internal.corp', 'shop.example.com', 'nginx', 'prematurely', 'ECONNREFUSED', 'origin_down', '502', 'hidden', shopId, blogId, hiddenId, pageId, ...incidentIds]) {
        expect(text).not.toContain(secret);
      }
    });

    it('answers from a cache at most 5 s old, and at once after the page changed here', async () => {
      const first = (await api.http().get('/api/v1/public/status-pages/shop').expect(200)).body;
      await write([aResult(blogId, now + 1, { ok: false })]);
      const cached = (await api.http().get('/api/v1/public/status-pages/shop').expect(200)).body;
      expect(cached).toEqual(first);
      await new Promise((resolve) => setTimeout(resolve, 5_100));
      const fresh = (await api.http().get('/api/v1/public/status-pages/shop').expect(200)).body;
      expect(Date.parse(fresh.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
      expect(fresh.sites[0]).toMatchObject({ name: 'blog', state: 'outage' });
      const page = (await api.http().get('/api/v1/status-pages').set(api.auth()).expect(200)).body.find((item: { slug: string }) => item.slug === 'shop');
      await api.http().patch(`/api/v1/status-pages/${page.id}`).set(api.auth()).send({ title: 'Shop status (renamed)' }).expect(200);
      expect((await api.http().get('/api/v1/public/status-pages/shop').expect(200)).body.title).toBe('Shop status (renamed)');
    });
  });
});
