import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BootedApi, bootApi } from '../support/boot-api';

const INDEX = '<!doctype html><title>hopwatch</title><div id="root"></div><script type="module" src="/assets/index-Ab12Cd.js"></script>';
const SCRIPT = 'console.log("hopwatch ui");';

/** A stand-in for `dist/web` as Vite builds it: index.html, hashed assets, a file at the root. */
function fixtureWebDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'hopwatch-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-Ab12Cd.js'), SCRIPT);
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

describe('the web UI, served by the api', () => {
  let api: BootedApi;
  let webDir: string;

  beforeAll(async () => {
    webDir = fixtureWebDir();
    api = await bootApi({ HOPWATCH_WEB_DIR: webDir });
  });

  afterAll(async () => {
    await api.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache', async () => {
    const response = await api.http().get('/').expect(200);
    expect(response.text).toBe(INDEX);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/sites/123', '/incidents/abc', '/status/my-page', '/sign-in', '/sites/123/edit?tab=hops'])('falls back to index.html for the client route %s', async (path) => {
    const response = await api.http().get(path).expect(200);
    expect(response.text).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with a year-long immutable cache, other files revalidated', async () => {
    const script = await api.http().get('/assets/index-Ab12Cd.js').expect(200);
    expect(script.text).toBe(SCRIPT);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await api.http().get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const response = await api.http().get('/assets/index-gone.js').expect(404);
    expect(response.text).not.toContain('<!doctype html>');
  });

  it('never shadows the API, the docs, health or metrics', async () => {
    const unknown = await api.http().get('/api/v1/no-such-thing').set(api.auth()).expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404 });
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    await api.http().get('/api/nothing').expect(404).expect('content-type', /json/);
    const refused = await api.http().get('/api/v1/sites').expect(401);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    await api.http().get('/api/v1/sites').set(api.auth()).expect(200).expect('content-type', /json/);
    await api.http().get('/health').expect(200, { status: 'ok' });
    const metrics = await api.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('hopwatch_');
    const docs = await api.http().get('/docs').expect(200);
    expect(docs.text).not.toBe(INDEX);
    expect(docs.text).toContain('swagger');
    const json = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/session', '/api/v1/events', '/api/v1/sites/overview', '/api/v1/status-pages', '/api/v1/status-pages/{id}', '/api/v1/public/status-pages/{slug}']),
    );
    expect(Object.keys(json.body.components.schemas)).toEqual(
      expect.arrayContaining(['SessionResponse', 'CheckRunEventData', 'IncidentEventData', 'SiteOverviewResponse', 'PublicStatusResponse', 'StatusPageResponse']),
    );
  });
});

describe('the api without a built web UI', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi({ HOPWATCH_WEB_DIR: join(tmpdir(), 'hopwatch-no-such-web-dir') });
  });

  afterAll(async () => {
    await api.close();
  });

  it('boots and serves the API only', async () => {
    await api.http().get('/').expect(404);
    await api.http().get('/sites/123').expect(404);
    await api.http().get('/api/v1/sites').set(api.auth()).expect(200);
  });
});
