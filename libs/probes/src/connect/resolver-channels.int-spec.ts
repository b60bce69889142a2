import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { anEnvironment } from '../../test-support/probe-fixtures';
import { lookupName } from './name-lookup';
import { leaseResolver, usingLease } from './resolver-channels';

let server: TestDnsServer;

beforeAll(async () => {
  server = await startDnsServer({ 'site.test': { A: ['10.0.0.1'] }, 'silent.test': { drop: true } });
});

afterAll(() => server.close());

const env = () => anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 300 });

describe('resolver channels', () => {
  it('hands a channel back for the next lookup once its work completed, and to one lookup at a time', async () => {
    const first = leaseResolver([server.address], 300, env());
    const meanwhile = leaseResolver([server.address], 300, env());
    expect(meanwhile.resolver).not.toBe(first.resolver);
    await expect(usingLease(first, first.resolver.resolve4('site.test'))).resolves.toEqual(['10.0.0.1']);
    meanwhile.done(true);
    const next = leaseResolver([server.address], 300, env());
    expect([first.resolver, meanwhile.resolver]).toContain(next.resolver);
    await expect(usingLease(next, next.resolver.resolve4('site.test'))).resolves.toEqual(['10.0.0.1']);
  });

  it('lets a channel go when its work failed or was cancelled, and keeps server lists and timeouts apart', async () => {
    const timedOut = leaseResolver([server.address], 100, env());
    await expect(usingLease(timedOut, timedOut.resolver.resolve4('silent.test'))).rejects.toMatchObject({ code: 'ETIMEOUT' });
    const after = leaseResolver([server.address], 100, env());
    expect(after.resolver).not.toBe(timedOut.resolver);
    after.done(true);
    expect(leaseResolver([server.address], 200, env()).resolver).not.toBe(after.resolver);
    expect(leaseResolver(['127.0.0.1:9'], 100, env()).resolver).not.toBe(after.resolver);
    expect(leaseResolver([server.address], 100, env()).resolver).toBe(after.resolver);
  });

  it('rejects an invalid server list as setServers does', () => {
    expect(() => leaseResolver(['not an address'], 300, env())).toThrow();
  });

  it('answers bursts of lookups at once on reused channels, none lost to a shared socket', async () => {
    const burstEnv = anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 2_000 });
    for (let burst = 0; burst < 3; burst++) {
      const lookups = Array.from({ length: 150 }, () => lookupName('site.test', burstEnv, new AbortController().signal));
      const answers = await Promise.all(lookups);
      expect(answers.every((found) => found.length === 1 && found[0].address === '10.0.0.1')).toBe(true);
    }
  });
});
