import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { anEnvironment, defaultPolicy } from '../../test-support/probe-fixtures';
import { probeDns } from './dns-probe';
import { resolversDisagree } from './resolvers-disagree';

let primary: TestDnsServer;
let secondary: TestDnsServer;

beforeAll(async () => {
  primary = await startDnsServer({
    'site.test': { A: ['10.0.0.2', '10.0.0.1'], AAAA: ['fd00::1'] },
    'moved.test': { A: ['10.0.0.1'] },
    'broken.test': { rcode: 'SERVFAIL' },
    'closed.test': { rcode: 'REFUSED' },
    'silent.test': { drop: true },
    'text-only.test': {},
  });
  secondary = await startDnsServer({ 'site.test': { A: ['10.0.0.1', '10.0.0.2'], AAAA: ['fd00::1'] }, 'moved.test': { A: ['10.9.9.9'] } });
});

afterAll(async () => {
  await Promise.all([primary.close(), secondary.close()]);
});

const env = anEnvironment({ dnsTimeoutMs: 300 });

describe('probeDns', () => {
  it('records the sorted A and AAAA answers and the query time', async () => {
    const result = await probeDns('site.test', primary.address, env);
    expect(result).toMatchObject({ target: `dns:${primary.address}`, kind: 'dns', ok: true, errorCode: null, remoteAddress: '127.0.0.1' });
    expect(result.dns).toEqual({ resolver: primary.address, hostname: 'site.test', rcode: 'NOERROR', answers: ['10.0.0.1', '10.0.0.2', 'fd00::1'] });
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(0);
    expect(primary.queries.filter((query) => query.name === 'site.test').map((query) => query.type).sort()).toEqual(['A', 'AAAA']);
  });

  it.each([
    ['missing.test', 'NXDOMAIN', 'DNS_NXDOMAIN'],
    ['broken.test', 'SERVFAIL', 'DNS_SERVFAIL'],
    ['closed.test', 'REFUSED', 'DNS_REFUSED'],
    ['text-only.test', 'NOERROR', 'DNS_NO_ANSWER'],
  ])('maps %s to rcode %s and error %s', async (hostname, rcode, errorCode) => {
    const result = await probeDns(hostname, primary.address, env);
    expect(result).toMatchObject({ ok: false, errorCode, dns: { rcode, answers: [] } });
    expect(result.errorMessage).toContain(hostname);
  });

  it('reports a resolver that never answers as TIMEOUT within its timeout', async () => {
    const result = await probeDns('silent.test', primary.address, env);
    expect(result).toMatchObject({ ok: false, errorCode: 'DNS_TIMEOUT', dns: { rcode: 'TIMEOUT' } });
    expect(result.timings.totalMs).toBeLessThan(2500);
  });

  it('uses the region resolvers when the site asks for the system resolver', async () => {
    const result = await probeDns('moved.test', 'system', anEnvironment({ resolvers: [secondary.address] }));
    expect(result).toMatchObject({ target: 'dns:system', ok: true, dns: { answers: ['10.9.9.9'] } });
  });

  it('asks getaddrinfo for the system resolver when the region has none', async () => {
    const result = await probeDns('localhost', 'system', anEnvironment());
    expect(result).toMatchObject({ ok: true, dns: { rcode: 'NOERROR' } });
    expect(result.dns!.answers.length).toBeGreaterThan(0);
  });

  it('denies a resolver address the policy refuses', async () => {
    const result = await probeDns('site.test', primary.address, anEnvironment({ policy: defaultPolicy }));
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED', dns: { rcode: 'OTHER' } });
  });

  it('rejects a resolver that is not an address', async () => {
    const result = await probeDns('site.test', 'dns.google', env);
    expect(result).toMatchObject({ ok: false, errorCode: 'UNKNOWN', target: 'dns:dns.google' });
  });
});

describe('resolversDisagree on real answers', () => {
  it('is false when two resolvers return the same set in a different order', async () => {
    const results = await Promise.all([probeDns('site.test', primary.address, env), probeDns('site.test', secondary.address, env)]);
    expect(resolversDisagree(results)).toBe(false);
  });

  it('is true when two resolvers return different addresses', async () => {
    const results = await Promise.all([probeDns('moved.test', primary.address, env), probeDns('moved.test', secondary.address, env)]);
    expect(resolversDisagree(results)).toBe(true);
  });

  it('is true when one resolver answers and another fails', async () => {
    const results = await Promise.all([probeDns('broken.test', primary.address, env), probeDns('site.test', secondary.address, env)]);
    expect(resolversDisagree(results)).toBe(true);
  });
});
