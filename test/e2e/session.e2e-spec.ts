import { DataSource } from 'typeorm';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { aSite } from '../support/factories/site.factory';
import { BootedApi, bootApi } from '../support/boot-api';
import { TEST_ADMIN_KEY } from '../support/test-config';

const OWN_HOST = 'hopwatch.test';
const OWN_ORIGIN = `http://${OWN_HOST}`;

/** The `hopwatch_session=<token>` pair and the attributes of the Set-Cookie line that carries it. */
function sessionCookie(setCookie: string[] | string | undefined): { pair: string; attributes: string[] } {
  const line = ([] as string[]).concat(setCookie ?? []).find((cookie) => cookie.startsWith('hopwatch_session='));
  if (!line) throw new Error(`no hopwatch_session cookie in ${JSON.stringify(setCookie)}`);
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { pair, attributes };
}

describe('web sign-in sessions', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const newKey = async (scope: 'read' | 'write', name = `${scope}-key`) =>
    (await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name, scope }).expect(201)).body as { id: string; key: string };

  const signIn = async (key: string) => {
    const response = await api.http().post('/api/v1/session').send({ key }).expect(200);
    return { body: response.body, ...sessionCookie(response.headers['set-cookie']) };
  };

  it('exchanges a key for an HttpOnly, SameSite=Strict cookie that holds a random token, not the key', async () => {
    const session = await signIn(TEST_ADMIN_KEY);
    expect(session.body).toEqual({ scope: 'write', name: 'admin (HOPWATCH_ADMIN_KEY)' });
    expect(session.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
    // The default session lifetime is 168 h (HOPWATCH_SESSION_TTL_HOURS).
    const expires = Date.parse(session.attributes.find((attribute) => attribute.startsWith('Expires='))!.slice('Expires='.length));
    expect(expires - Date.now()).toBeGreaterThan(167 * 3_600_000);
    expect(expires - Date.now()).toBeLessThan(169 * 3_600_000);
    expect(session.attributes).not.toContain('Secure');
    const token = session.pair.slice('hopwatch_session='.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toContain(TEST_ADMIN_KEY);
    const rows = await api.app.get(DataSource).query('SELECT token_hash FROM web_sessions');
    expect(rows.map((row: { token_hash: string }) => row.token_hash)).not.toContain(token);
    expect(rows.every((row: { token_hash: string }) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('lets the cookie read, and tells who is signed in; without it, 401', async () => {
    const session = await signIn(TEST_ADMIN_KEY);
    await api.http().get('/api/v1/session').set('Cookie', session.pair).expect(200, { scope: 'write', name: 'admin (HOPWATCH_ADMIN_KEY)' });
    await api.http().get('/api/v1/sites').set('Cookie', session.pair).expect(200);
    await api.http().get('/api/v1/session').expect(401);
    await api.http().get('/api/v1/session').set('Cookie', 'hopwatch_session=forged-token').expect(401);
    await api.http().get('/api/v1/session').set(api.auth()).expect(200, { scope: 'write', name: 'admin (HOPWATCH_ADMIN_KEY)' });
  });

  it('refuses a wrong key with 401 and a missing one with 400 naming the field, setting no cookie', async () => {
    const wrong = await api.http().post('/api/v1/session').send({ key: 'hw_not_a_real_key' }).expect(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const missing = await api.http().post('/api/v1/session').send({}).expect(400);
    expect(missing.body.message.join(' ')).toContain('key must be a string');
    expect(missing.headers['set-cookie']).toBeUndefined();
  });

  it('lets a cookie write only with an Origin (or Referer) of this site; bearer keys need none', async () => {
    const session = await signIn(TEST_ADMIN_KEY);
    const write = () => api.http().post('/api/v1/sites').set('Host', OWN_HOST).set('Cookie', session.pair);
    const refused = await write().send(aSite({ name: 'no-origin' })).expect(403);
    expect(refused.body.message).toContain('Origin');
    await write().set('Origin', 'https://evil.example').send(aSite({ name: 'foreign' })).expect(403);
    await write().set('Origin', 'null').send(aSite({ name: 'opaque' })).expect(403);
    await write().set('Origin', OWN_ORIGIN).send(aSite({ name: 'same-host' })).expect(201);
    await write().set('Referer', `${OWN_ORIGIN}/sites/new`).send(aSite({ name: 'by-referer' })).expect(201);
    await write().set('Origin', api.app.get<HopwatchConfig>(HOPWATCH_CONFIG).publicUrl).send(aSite({ name: 'public-url' })).expect(201);
    await api.http().post('/api/v1/sites').set(api.auth()).send(aSite({ name: 'bearer' })).expect(201);
    const names = (await api.http().get('/api/v1/sites?limit=500').set(api.auth()).expect(200)).body.items.map((site: { name: string }) => site.name);
    expect(names).toEqual(expect.arrayContaining(['same-host', 'by-referer', 'public-url', 'bearer']));
    expect(names.filter((name: string) => ['no-origin', 'foreign', 'opaque'].includes(name))).toEqual([]);
  });

  it('makes a read key’s session read-only', async () => {
    const reader = await newKey('read', 'dashboard');
    const session = await signIn(reader.key);
    expect(session.body).toEqual({ scope: 'read', name: 'dashboard' });
    await api.http().get('/api/v1/sites').set('Cookie', session.pair).expect(200);
    const refused = await api.http().post('/api/v1/sites').set('Host', OWN_HOST).set('Origin', OWN_ORIGIN).set('Cookie', session.pair).send(aSite()).expect(403);
    expect(refused.body.message).toContain('read scope');
  });

  it('refuses a sign-in posted from another site', async () => {
    await api.http().post('/api/v1/session').set('Host', OWN_HOST).set('Origin', 'https://evil.example').send({ key: TEST_ADMIN_KEY }).expect(403);
    await api.http().post('/api/v1/session').set('Host', OWN_HOST).set('Origin', OWN_ORIGIN).send({ key: TEST_ADMIN_KEY }).expect(200);
  });

  it('signs out: 204, the cookie cleared and the session gone on the server', async () => {
    const session = await signIn(TEST_ADMIN_KEY);
    const response = await api.http().delete('/api/v1/session').set('Host', OWN_HOST).set('Origin', OWN_ORIGIN).set('Cookie', session.pair).expect(204);
    const cleared = sessionCookie(response.headers['set-cookie']);
    expect(cleared.pair).toBe('hopwatch_session=');
    expect(cleared.attributes).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    await api.http().get('/api/v1/session').set('Cookie', session.pair).expect(401);
  });

  it('refuses a cross-site sign-out, and signs out a stale cookie without fuss', async () => {
    const session = await signIn(TEST_ADMIN_KEY);
    await api.http().delete('/api/v1/session').set('Host', OWN_HOST).set('Origin', 'https://evil.example').set('Cookie', session.pair).expect(403);
    await api.http().get('/api/v1/session').set('Cookie', session.pair).expect(200);
    await api.http().delete('/api/v1/session').expect(204);
  });

  it('ends every session of a key when the key is deleted', async () => {
    const doomed = await newKey('write', 'doomed');
    const first = await signIn(doomed.key);
    const second = await signIn(doomed.key);
    await api.http().get('/api/v1/sites').set('Cookie', first.pair).expect(200);
    await api.http().delete(`/api/v1/api-keys/${doomed.id}`).set(api.auth()).expect(204);
    for (const session of [first, second]) await api.http().get('/api/v1/sites').set('Cookie', session.pair).expect(401);
    const [{ count }] = await api.app.get(DataSource).query('SELECT count(*)::int AS count FROM web_sessions WHERE api_key_id = $1', [doomed.id]);
    expect(count).toBe(0);
  });

  it('refuses an expired session', async () => {
    const session = await signIn(TEST_ADMIN_KEY);
    const token = session.pair.slice('hopwatch_session='.length);
    await api.app.get(DataSource).query(`UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [token]);
    const refused = await api.http().get('/api/v1/sites').set('Cookie', session.pair).expect(401);
    expect(refused.body.message).toContain('sign in again');
  });
});

describe('web sign-in behind https', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi({ HOPWATCH_PUBLIC_URL: 'https://status.example.com', HOPWATCH_SESSION_TTL_HOURS: '2' });
  });

  afterAll(async () => {
    await api.close();
  });

  it('marks the cookie Secure, lets it expire after the configured hours and accepts writes from the public origin', async () => {
    const before = Date.now();
    const response = await api.http().post('/api/v1/session').send({ key: TEST_ADMIN_KEY }).expect(200);
    const session = sessionCookie(response.headers['set-cookie']);
    expect(session.attributes).toContain('Secure');
    const expires = Date.parse(session.attributes.find((attribute) => attribute.startsWith('Expires='))!.slice('Expires='.length));
    expect(expires).toBeGreaterThan(before + 2 * 3_600_000 - 5_000);
    expect(expires).toBeLessThan(before + 2 * 3_600_000 + 5_000);
    await api.http().post('/api/v1/sites').set('Cookie', session.pair).set('Origin', 'https://status.example.com').send(aSite()).expect(201);
    await api.http().post('/api/v1/sites').set('Cookie', session.pair).set('Origin', 'http://status.example.com').send(aSite()).expect(403);
  });
});

describe('web sign-in under the sign-in rate limit', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi({ HOPWATCH_RATE_LIMIT_SIGN_IN: '3' });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses key guessing past the per-address sign-in limit with 429', async () => {
    for (let attempt = 0; attempt < 3; attempt++) await api.http().post('/api/v1/session').send({ key: `hw_guess_${attempt}` }).expect(401);
    const refused = await api.http().post('/api/v1/session').send({ key: TEST_ADMIN_KEY }).expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });
});
