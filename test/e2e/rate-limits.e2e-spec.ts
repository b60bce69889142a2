// Rate limits per API key, per client address and on key creation, counted in Redis across replicas.
import { randomBytes } from 'node:crypto';
import { BootedApi, bootApi } from '../support/boot-api';

const limits = (perKey: number, perAddress: number, signIn: number, prefix = `hw-test-rate-${randomBytes(4).toString('hex')}`) => ({
  HOPWATCH_RATE_LIMIT_PER_KEY: String(perKey),
  HOPWATCH_RATE_LIMIT_PER_ADDRESS: String(perAddress),
  HOPWATCH_RATE_LIMIT_SIGN_IN: String(signIn),
  HOPWATCH_REDIS_PREFIX: prefix,
});

describe('rate limits', () => {
  const apps: BootedApi[] = [];
  const boot = async (overrides: Record<string, string>) => {
    const api = await bootApi(overrides);
    apps.push(api);
    return api;
  };

  afterAll(async () => {
    for (const api of apps) await api.close();
  });

  function expectLimited(response: { status: number; headers: Record<string, string>; body: { message: string } }) {
    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(response.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(response.body.message).toMatch(/retry after \d+ s/);
  }

  it('limits each API key on its own, with 429 and Retry-After', async () => {
    const api = await boot(limits(3, 1000, 1000));
    const { body: reader } = await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'reader', scope: 'read' }).expect(201);
    await api.http().get('/api/v1/sites').set(api.auth()).expect(200);
    await api.http().get('/api/v1/sites').set(api.auth()).expect(200);
    expectLimited(await api.http().get('/api/v1/sites').set(api.auth()));
    await api.http().get('/api/v1/sites').set(api.auth(reader.key)).expect(200);
  });

  it('limits each client address, with or without a key, and never the health checks', async () => {
    const api = await boot(limits(1000, 3, 1000));
    for (let attempt = 0; attempt < 3; attempt++) await api.http().get('/api/v1/sites').set(api.auth(`hw_guess_${attempt}`)).expect(401);
    expectLimited(await api.http().get('/api/v1/sites').set(api.auth()));
    expectLimited(await api.http().get('/api/v1/sites'));
    await api.http().get('/health').expect(200);
  });

  it('limits key creation more strictly than the rest', async () => {
    const api = await boot(limits(1000, 1000, 2));
    await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'a', scope: 'read' }).expect(201);
    await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'b', scope: 'read' }).expect(201);
    expectLimited(await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'c', scope: 'read' }));
    await api.http().get('/api/v1/sites').set(api.auth()).expect(200);
  });

  it('counts across API replicas that share a Redis', async () => {
    const shared = limits(2, 1000, 1000);
    const [first, second] = [await boot(shared), await boot(shared)];
    await first.http().get('/api/v1/sites').set(first.auth()).expect(200);
    await second.http().get('/api/v1/sites').set(second.auth()).expect(200);
    expectLimited(await first.http().get('/api/v1/sites').set(first.auth()));
  });
});
