// What responses show of secrets: short prefixes of generated keys, nothing of the configured key, no URL
// password anywhere, and webhook URLs reduced to their origin for read keys.
import { DataSource } from 'typeorm';
import { aHop, aSite } from '../support/factories/site.factory';
import { BootedApi, bootApi } from '../support/boot-api';
import { TEST_ADMIN_KEY } from '../support/test-config';

describe('secrets in responses', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('lists a generated key by "hw_" and four characters, and nothing of the configured admin key', async () => {
    const { body: created } = await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'ci', scope: 'read' }).expect(201);
    const { body: keys } = await api.http().get('/api/v1/api-keys').set(api.auth()).expect(200);
    expect(keys.find((key: { id: string }) => key.id === created.id).prefix).toBe(created.key.slice(0, 7));
    expect(created.prefix).toMatch(/^hw_.{4}$/);
    const admin = keys.find((key: { origin: string }) => key.origin === 'env');
    expect(admin.prefix).toBeNull();
    expect(JSON.stringify(keys)).not.toContain(TEST_ADMIN_KEY.slice(0, 5));
  });

  it('never returns the password of a site or hop URL', async () => {
    const body = aSite({
      url: 'https://monitor:site-pass-1@shop.example.com/',
      hops: [aHop({ name: 'origin', url: 'http://probe:hop-pass-2@10.0.0.5:8080/health' })],
    });
    const { body: created } = await api.http().post('/api/v1/sites').set(api.auth()).send(body).expect(201);
    const read = await api.http().get(`/api/v1/sites/${created.id}`).set(api.auth()).expect(200);
    const list = await api.http().get('/api/v1/sites').set(api.auth()).expect(200);
    for (const text of [JSON.stringify(created), JSON.stringify(read.body), JSON.stringify(list.body)]) {
      expect(text).not.toContain('site-pass-1');
      expect(text).not.toContain('hop-pass-2');
    }
    expect(read.body.url).toBe('https://monitor:***@shop.example.com/');
    expect(read.body.hops[0].url).toBe('http://probe:***@10.0.0.5:8080/health');

    // Sending back what was read keeps the stored passwords; the probes still get them.
    await api.http().patch(`/api/v1/sites/${created.id}`).set(api.auth()).send({ url: read.body.url, hops: read.body.hops.map(({ name, role, url }: Record<string, string>) => ({ name, role, url })) }).expect(200);
    const [row] = await api.app.get(DataSource).query('SELECT s.url, h.url AS hop_url FROM sites s JOIN hops h ON h.site_id = s.id WHERE s.id = $1', [created.id]);
    expect(row).toEqual({ url: 'https://monitor:site-pass-1@shop.example.com/', hop_url: 'http://probe:hop-pass-2@10.0.0.5:8080/health' });
  });

  it('shows a read key only the origin of a webhook URL, a write key the URL without its password', async () => {
    const url = 'https://bot:hook-pass-3@hooks.example.com/services/T0/B1/bearer-token?sig=abc';
    await api.http().post('/api/v1/alert-channels').set(api.auth()).send({ name: 'chat', kind: 'webhook', url }).expect(201);
    const { body: reader } = await api.http().post('/api/v1/api-keys').set(api.auth()).send({ name: 'dash', scope: 'read' }).expect(201);
    const asReader = await api.http().get('/api/v1/alert-channels').set(api.auth(reader.key)).expect(200);
    const asWriter = await api.http().get('/api/v1/alert-channels').set(api.auth()).expect(200);
    expect(asReader.body.find((channel: { name: string }) => channel.name === 'chat').url).toBe('https://hooks.example.com/***');
    expect(asWriter.body.find((channel: { name: string }) => channel.name === 'chat').url).toBe(
      'https://bot:***@hooks.example.com/services/T0/B1/bearer-token?sig=abc',
    );
    expect(JSON.stringify(asReader.body)).not.toContain('bearer-token');
    expect(JSON.stringify(asWriter.body)).not.toContain('hook-pass-3');
  });
});
