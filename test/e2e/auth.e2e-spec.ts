import { DataSource } from 'typeorm';
import { aSite } from '../support/factories/site.factory';
import { BootedApi, bootApi } from '../support/boot-api';

describe('API keys and authentication', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const newKey = async (scope: 'read' | 'write', name = `${scope}-key`) =>
    (await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name, scope }).expect(201)).body;

  it('refuses every /api/v1 route without a key with 401', async () => {
    for (const [method, path] of [['get', '/api/v1/sites'], ['post', '/api/v1/sites'], ['get', '/api/v1/api-keys']] as const) {
      const response = await api.http()[method](path).send({}).expect(401);
      expect(response.body.message).toContain('Authorization: Bearer');
    }
  });

  it('refuses an unknown key with 401', async () => {
    await api.http().get('/api/v1/sites').set(api.auth('hw_not_a_real_key')).expect(401);
  });

  it('shows a new key once and stores only its hash', async () => {
    const created = await newKey('write', 'ci');
    expect(created.key).toMatch(/^hw_[A-Za-z0-9_-]{32}$/);
    expect(created).toMatchObject({ name: 'ci', scope: 'write', prefix: created.key.slice(0, 7), origin: 'api' });
    const listed = await api.http().get('/api/v1/api-keys').set(api.auth()).expect(200);
    const entry = listed.body.find((key: { id: string }) => key.id === created.id);
    expect(entry).toMatchObject({ name: 'ci', scope: 'write', prefix: created.key.slice(0, 7) });
    expect(entry.key).toBeUndefined();
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
    const [row] = await api.app.get(DataSource).query('SELECT key_hash FROM api_keys WHERE id = $1', [created.id]);
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.key_hash).not.toContain(created.key);
  });

  it('lets a read key read but not write (403)', async () => {
    const reader = await newKey('read');
    await api.http().get('/api/v1/sites').set(api.auth(reader.key)).expect(200);
    const refused = await api.http().post('/api/v1/sites').set(api.auth(reader.key)).send(aSite()).expect(403);
    expect(refused.body.message).toContain('read scope');
    await api.http().post('/api/v1/api-keys').set(api.auth(reader.key)).send({ name: 'x', scope: 'write' }).expect(403);
  });

  it('lets a write key write, and records when a key was last used', async () => {
    const writer = await newKey('write');
    await api.http().post('/api/v1/sites').set(api.auth(writer.key)).send(aSite()).expect(201);
    const listed = await api.http().get('/api/v1/api-keys').set(api.auth()).expect(200);
    expect(listed.body.find((key: { id: string }) => key.id === writer.id).lastUsedAt).not.toBeNull();
  });

  it('refuses a deleted key with 401', async () => {
    const doomed = await newKey('write', 'doomed');
    await api.http().get('/api/v1/sites').set(api.auth(doomed.key)).expect(200);
    await api.http().delete(`/api/v1/api-keys/${doomed.id}`).set(api.auth()).expect(204);
    await api.http().get('/api/v1/sites').set(api.auth(doomed.key)).expect(401);
  });

  it('validates a key request', async () => {
    const response = await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'x', scope: 'admin' }).expect(400);
    expect(response.body.message).toContain('scope must be one of read, write');
  });

  it('serves health, readiness and metrics without a key, and the OpenAPI document at /docs-json', async () => {
    await api.http().get('/health').expect(200, { status: 'ok' });
    const ready = await api.http().get('/health/ready').expect(200);
    expect(ready.body.checks).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
    const metrics = await api.http().get('/metrics').expect(200);
    expect(metrics.text).toContain('hopwatch_process_cpu_seconds_total');
    const docs = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/sites', '/api/v1/sites/{id}', '/api/v1/api-keys']));
    expect(docs.body.components.schemas.CreateSiteDto.properties.hops).toMatchObject({ type: 'array' });
    await api.http().get('/docs').expect(200);
  });
});

describe('bootstrap admin key', () => {
  it('is generated and printed once when no key exists and none is configured', async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const api = await bootApi({ HOPWATCH_ADMIN_KEY: '' });
    try {
      spy.mockRestore();
      const key = /(hw_[A-Za-z0-9_-]{32})/.exec(printed.join(''))?.[1];
      expect(key).toMatch(/^hw_/);
      await api.http().get('/api/v1/sites').set(api.auth(key)).expect(200);
      await api.http().get('/api/v1/sites').set(api.auth()).expect(401);
      const keys = await api.http().get('/api/v1/api-keys').set(api.auth(key)).expect(200);
      expect(keys.body).toHaveLength(1);
      expect(keys.body[0]).toMatchObject({ origin: 'generated', scope: 'write' });
    } finally {
      spy.mockRestore();
      await api.close();
    }
  });

  it('asks for a key on /metrics by default when the API listens on every interface', async () => {
    const api = await bootApi({ HOST: '0.0.0.0' });
    try {
      await api.http().get('/metrics').expect(401);
      await api.http().get('/metrics').set(api.auth()).expect(200);
    } finally {
      await api.close();
    }
  });

  it('closes /metrics when HOPWATCH_METRICS_PUBLIC is false', async () => {
    const api = await bootApi({ HOPWATCH_METRICS_PUBLIC: 'false' });
    try {
      await api.http().get('/metrics').expect(401);
      await api.http().get('/metrics').set(api.auth()).expect(200);
    } finally {
      await api.close();
    }
  });
});
