// Each class of malformed input found in the hardening review: a 400 naming the field, never a 500, nothing written.
import { DataSource } from 'typeorm';
import { aSite } from '../support/factories/site.factory';
import { BootedApi, bootApi } from '../support/boot-api';
import { tableCounts } from '../support/table-counts';

type Case = { name: string; method: 'get' | 'post' | 'patch'; path: (ids: Ids) => string; body?: unknown; raw?: string; expected: string };
type Ids = { site: string; channel: string };

const cursor = (text: string) => Buffer.from(text).toString('base64url');

const cases: Case[] = [
  { name: 'null for a NOT NULL field in PATCH', method: 'patch', path: ({ site }) => `/api/v1/sites/${site}`, body: { name: null }, expected: 'name must not be null' },
  { name: 'null for every other PATCH field', method: 'patch', path: ({ site }) => `/api/v1/sites/${site}`, body: { intervalSeconds: null, regions: null, hops: null, dns: null, detection: null, paused: null }, expected: 'paused must not be null' },
  { name: 'null nested in a hop', method: 'post', path: () => '/api/v1/sites', body: aSite({ hops: [{ name: 'a', role: 'app', url: 'http://10.0.0.1/', connectTo: null }] }), expected: 'hops.0.connectTo must not be null' },
  { name: 'a NUL character in a body string', method: 'post', path: () => '/api/v1/sites', body: aSite({ name: 'sh\u0000op' }), expected: 'name must not contain NUL characters' },
  { name: 'a NUL character in a nested body string', method: 'post', path: () => '/api/v1/alert-channels', body: { name: 'x', kind: 'email', to: ['a\u0000@example.com'] }, expected: 'to.0 must not contain NUL characters' },
  { name: 'a NUL character in a query string', method: 'get', path: () => '/api/v1/sites?tag=prod%00', expected: 'tag must not contain NUL characters' },
  { name: 'a NUL character in a check target', method: 'get', path: ({ site }) => `/api/v1/sites/${site}/checks?target=entry%00`, expected: 'target must not contain NUL characters' },
  { name: 'an offset past any bound', method: 'get', path: () => '/api/v1/sites?offset=1e20', expected: 'offset must not be greater than 1000000' },
  { name: 'an offset past any bound on incidents', method: 'get', path: () => '/api/v1/incidents?offset=99999999999', expected: 'offset must not be greater than 1000000' },
  { name: 'an offset past any bound on the sites overview', method: 'get', path: () => '/api/v1/sites/overview?offset=1e20', expected: 'offset must not be greater than 1000000' },
  { name: 'an offset past any bound on deliveries', method: 'get', path: ({ channel }) => `/api/v1/alert-channels/${channel}/deliveries?offset=1e20`, expected: 'offset must not be greater than 1000000' },
  { name: 'a cursor whose id overflows a bigint', method: 'get', path: ({ site }) => `/api/v1/sites/${site}/checks?cursor=${cursor('2026-01-01T00:00:00.000Z|99999999999999999999')}`, expected: 'cursor is not a cursor' },
  { name: 'a cursor whose date is out of range', method: 'get', path: ({ site }) => `/api/v1/sites/${site}/checks?cursor=${cursor('+275760-09-13T00:00:00.000Z|1')}`, expected: 'cursor is not a cursor' },
  { name: 'a date that does not exist in checks', method: 'get', path: ({ site }) => `/api/v1/sites/${site}/checks?from=2025-02-30`, expected: 'from must be an ISO 8601 date that exists' },
  { name: 'a date that does not exist in uptime', method: 'get', path: ({ site }) => `/api/v1/sites/${site}/uptime?from=2025-02-30T00:00:00Z`, expected: 'from must be an ISO 8601 date that exists' },
  { name: 'a year PostgreSQL cannot store', method: 'get', path: ({ site }) => `/api/v1/sites/${site}/checks?to=%2B275760-01-01T00:00:00Z`, expected: 'to must be an ISO 8601 date that exists' },
  { name: 'a date that does not exist in a maintenance window', method: 'post', path: () => '/api/v1/maintenance-windows', body: { name: 'm', tags: ['db'], startsAt: '2025-02-30T00:00:00Z', endsAt: '2025-03-02T00:00:00Z' }, expected: 'startsAt must be an ISO 8601 date that exists' },
  { name: 'JSON nested thousands deep', method: 'post', path: () => '/api/v1/sites', raw: `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`, expected: 'body nests arrays and objects deeper than 32 levels' },
  { name: 'an array for dns', method: 'post', path: () => '/api/v1/sites', body: aSite({ dns: [] }), expected: 'dns must be an object' },
  { name: 'an array for detection', method: 'patch', path: ({ site }) => `/api/v1/sites/${site}`, body: { detection: [] }, expected: 'detection must be an object' },
  { name: 'an array for a hop', method: 'post', path: () => '/api/v1/sites', body: aSite({ hops: [[]] }), expected: 'each value in hops must be an object' },
  { name: 'to on a webhook channel', method: 'post', path: () => '/api/v1/alert-channels', body: { name: 'w', kind: 'webhook', url: 'https://hooks.example.com/x', to: ['a@example.com'] }, expected: 'to is only for email channels' },
  { name: 'url on an email channel', method: 'post', path: () => '/api/v1/alert-channels', body: { name: 'e', kind: 'email', to: ['a@example.com'], url: 'https://hooks.example.com/x' }, expected: 'url is only for webhook, slack, teams, discord and ntfy channels' },
  { name: 'empty regions in PATCH', method: 'patch', path: ({ site }) => `/api/v1/sites/${site}`, body: { regions: [] }, expected: 'regions must list at least one region' },
  { name: 'a denied DNS resolver at registration', method: 'post', path: () => '/api/v1/sites', body: aSite({ dns: { resolvers: ['system', '169.254.169.254:53'] } }), expected: 'dns.resolvers.1 is not allowed: 169.254.169.254 is a cloud metadata endpoint' },
  { name: 'a denied DNS resolver in PATCH', method: 'patch', path: ({ site }) => `/api/v1/sites/${site}`, body: { dns: { resolvers: ['[::ffff:169.254.169.254]:53'] } }, expected: 'dns.resolvers.0 is not allowed' },
  { name: 'a metadata address in the shared address space', method: 'post', path: () => '/api/v1/sites', body: aSite({ url: 'http://100.100.100.200/latest/meta-data/' }), expected: 'url is not allowed: 100.100.100.200 is a cloud metadata endpoint (Alibaba Cloud)' },
  { name: 'a metadata address inside the unique-local range', method: 'post', path: () => '/api/v1/sites', body: aSite({ hops: [{ name: 'imds', role: 'app', url: 'http://[fd00:ec2::254]/latest/' }] }), expected: 'hops.0.url is not allowed: fd00:ec2::254 is a cloud metadata endpoint' },
  { name: 'a NAT64 form of the metadata address', method: 'post', path: () => '/api/v1/sites', body: aSite({ hops: [{ name: 'imds', role: 'app', url: 'http://example.com/', connectTo: '[64:ff9b::a9fe:a9fe]:80' }] }), expected: 'hops.0.connectTo is not allowed: 64:ff9b::a9fe:a9fe (embedding 169.254.169.254)' },
  { name: 'a 6to4 webhook to the metadata address', method: 'post', path: () => '/api/v1/alert-channels', body: { name: 'w', kind: 'webhook', url: 'http://[2002:a9fe:a9fe::1]/' }, expected: 'url is not allowed: 2002:a9fe:a9fe::1 (embedding 169.254.169.254)' },
  { name: 'empty regions in POST', method: 'post', path: () => '/api/v1/sites', body: aSite({ regions: [] }), expected: 'regions must list at least one region' },
];

describe('bad input', () => {
  let api: BootedApi;
  let ids: Ids;

  beforeAll(async () => {
    api = await bootApi();
    const site = await api.http().post('/api/v1/sites').set(api.auth()).send(aSite()).expect(201);
    const channel = await api.http().post('/api/v1/alert-channels').set(api.auth()).send({ name: 'mail', kind: 'email', to: ['ops@example.com'] }).expect(201);
    ids = { site: site.body.id, channel: channel.body.id };
  });

  afterAll(async () => {
    await api.close();
  });

  it.each(cases)('$name → 400 naming the field, nothing written', async ({ method, path, body, raw, expected }) => {
    const before = await tableCounts(api.app.get(DataSource));
    let call = api.http()[method](path(ids)).set(api.auth());
    if (raw !== undefined) call = call.set('Content-Type', 'application/json').send(raw);
    else if (body !== undefined) call = call.send(body as object);
    const response = await call;
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((response.body.message as string[]).join('\n')).toContain(expected);
    expect(await tableCounts(api.app.get(DataSource))).toEqual(before);
  });

  it('still clears the body check with bodyContains: null', async () => {
    const { body: site } = await api.http().post('/api/v1/sites').set(api.auth()).send(aSite({ name: 'clearable', bodyContains: 'Welcome' })).expect(201);
    const cleared = await api.http().patch(`/api/v1/sites/${site.id}`).set(api.auth()).send({ bodyContains: null }).expect(200);
    expect(cleared.body.bodyContains).toBeNull();
  });
});
