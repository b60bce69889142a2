import { request } from 'node:http';
import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { startHttpServer, type RunningServer } from '../../test-support/loopback-servers';
import { anEnvironment, anHttpTarget } from '../../test-support/probe-fixtures';
import { probeHttp } from '../http/http-probe';
import { createGuardedLookup } from './guarded-lookup';

let app: RunningServer;
let dns: TestDnsServer;

beforeAll(async () => {
  app = await startHttpServer((_request, response) => response.end('app'));
  dns = await startDnsServer({ 'site.test': { A: ['127.0.0.1'] }, 'six.test': { AAAA: ['::1'] } });
});

afterAll(async () => {
  await Promise.all([app.close(), dns.close()]);
});

describe('connectTo pinning', () => {
  it('connects to the pinned address while the server sees the URL host, without asking DNS', async () => {
    const before = dns.queries.length;
    const target = anHttpTarget(`http://app.example.test:8443/health`, { connectTo: `127.0.0.1:${app.port}` });
    const result = await probeHttp(target, anEnvironment({ resolvers: [dns.address] }));
    expect(result).toMatchObject({ ok: true, status: 200, remoteAddress: '127.0.0.1' });
    expect(result.timings.dnsMs).toBeNull();
    expect(app.requests.at(-1)?.headers.host).toBe('app.example.test:8443');
    expect(app.requests.at(-1)?.url).toBe('/health');
    expect(dns.queries.length).toBe(before);
  });

  it('keeps the URL port when connectTo has none', async () => {
    const target = anHttpTarget(`http://app.example.test:${app.port}/`, { connectTo: '127.0.0.1' });
    const result = await probeHttp(target, anEnvironment({ resolvers: ['127.0.0.1:9'] }));
    expect(result).toMatchObject({ ok: true });
    expect(app.requests.at(-1)?.headers.host).toBe(`app.example.test:${app.port}`);
  });

  it('sends hostHeader as the Host header only', async () => {
    const target = anHttpTarget(`${app.origin}/`, { hostHeader: 'shop.example.test' });
    const result = await probeHttp(target, anEnvironment());
    expect(result).toMatchObject({ ok: true, remoteAddress: '127.0.0.1' });
    expect(app.requests.at(-1)?.headers.host).toBe('shop.example.test');
  });

  it('fails an invalid connectTo without connecting', async () => {
    const result = await probeHttp(anHttpTarget(`${app.origin}/`, { connectTo: 'not-an-ip' }), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'UNKNOWN' });
    expect(result.errorMessage).toContain('connectTo');
  });
});

describe('name resolution through the region resolvers', () => {
  it('resolves the URL host through env.resolvers and times the lookup', async () => {
    const result = await probeHttp(anHttpTarget(`http://site.test:${app.port}/`), anEnvironment({ resolvers: [dns.address] }));
    expect(result).toMatchObject({ ok: true, remoteAddress: '127.0.0.1' });
    expect(result.timings.dnsMs).not.toBeNull();
    expect(result.timings.connectMs!).toBeGreaterThanOrEqual(result.timings.dnsMs!);
    expect(dns.queries).toContainEqual(expect.objectContaining({ name: 'site.test', type: 'A', from: '127.0.0.1' }));
    expect(app.requests.at(-1)?.headers.host).toBe(`site.test:${app.port}`);
  });

  it('falls back to AAAA records when a name has no A records', async () => {
    const v6 = await startHttpServer((_request, response) => response.end('v6'), '::1');
    try {
      const result = await probeHttp(anHttpTarget(`http://six.test:${v6.port}/`), anEnvironment({ resolvers: [dns.address] }));
      expect(result).toMatchObject({ ok: true, remoteAddress: '::1' });
    } finally {
      await v6.close();
    }
  });

  it('reports a name the resolver does not know as ENOTFOUND', async () => {
    const result = await probeHttp(anHttpTarget(`http://missing.test:${app.port}/`), anEnvironment({ resolvers: [dns.address] }));
    expect(result).toMatchObject({ ok: false, errorCode: 'ENOTFOUND' });
    expect(result.timings.connectMs).toBeNull();
  });

  it('reports a resolver that fails as DNS_SERVFAIL', async () => {
    dns.set('broken.test', { rcode: 'SERVFAIL' });
    const result = await probeHttp(anHttpTarget(`http://broken.test:${app.port}/`), anEnvironment({ resolvers: [dns.address] }));
    expect(result).toMatchObject({ ok: false, errorCode: 'DNS_SERVFAIL' });
  });
});

describe('source address', () => {
  it('binds every HTTP connection to env.sourceAddress', async () => {
    const result = await probeHttp(anHttpTarget(`${app.origin}/`), anEnvironment({ sourceAddress: '127.0.0.2' }));
    expect(result.ok).toBe(true);
    expect(app.connections.at(-1)).toBe('127.0.0.2');
  });

  it('sends the region resolver queries from env.sourceAddress too', async () => {
    const env = anEnvironment({ sourceAddress: '127.0.0.3', resolvers: [dns.address] });
    const result = await probeHttp(anHttpTarget(`http://site.test:${app.port}/`), env);
    expect(result.ok).toBe(true);
    expect(dns.queries.at(-1)).toMatchObject({ name: 'site.test', from: '127.0.0.3' });
    expect(app.connections.at(-1)).toBe('127.0.0.3');
  });
});

describe('createGuardedLookup', () => {
  const get = (url: string, lookup: ReturnType<typeof createGuardedLookup>): Promise<number> =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, { lookup, agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });

  it('lets node http resolve names through the region resolvers', async () => {
    const lookup = createGuardedLookup(anEnvironment({ resolvers: [dns.address] }));
    await expect(get(`http://site.test:${app.port}/`, lookup)).resolves.toBe(200);
  });

  it('refuses a name whose addresses the policy denies', async () => {
    dns.set('metadata.test', { A: ['169.254.169.254'] });
    const lookup = createGuardedLookup(anEnvironment({ resolvers: [dns.address] }));
    await expect(get('http://metadata.test/', lookup)).rejects.toMatchObject({ code: 'TARGET_DENIED' });
  });
});
