import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { anEnvironment } from '../../test-support/probe-fixtures';
import { lookupName } from './name-lookup';
import { leaseResolver, MAX_IN_FLIGHT_PER_SERVERS, usingLease } from './resolver-channels';

let server: TestDnsServer;

beforeAll(async () => {
  server = await startDnsServer({ 'site.test': { A: ['10.0.0.1'] }, 'silent.test': { drop: true } });
});

afterAll(() => server.close());

const env = () => anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 300 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('resolver channels', () => {
  it('hands a channel back for the next lookup once its work completed, and to one lookup at a time', async () => {
    const first = await leaseResolver([server.address], 300, env());
    const meanwhile = await leaseResolver([server.address], 300, env());
    expect(meanwhile.resolver).not.toBe(first.resolver);
    await expect(usingLease(first, first.resolver.resolve4('site.test'))).resolves.toEqual(['10.0.0.1']);
    meanwhile.done(true);
    const next = await leaseResolver([server.address], 300, env());
    expect([first.resolver, meanwhile.resolver]).toContain(next.resolver);
    await expect(usingLease(next, next.resolver.resolve4('site.test'))).resolves.toEqual(['10.0.0.1']);
  });

  it('lets a channel go when its work failed or was cancelled, and keeps server lists and timeouts apart', async () => {
    const timedOut = await leaseResolver([server.address], 100, env());
    await expect(usingLease(timedOut, timedOut.resolver.resolve4('silent.test'))).rejects.toMatchObject({ code: 'ETIMEOUT' });
    const after = await leaseResolver([server.address], 100, env());
    expect(after.resolver).not.toBe(timedOut.resolver);
    after.done(true);
    const otherTimeout = await leaseResolver([server.address], 200, env());
    const otherServer = await leaseResolver(['127.0.0.1:9'], 100, env());
    expect([otherTimeout.resolver, otherServer.resolver]).not.toContain(after.resolver);
    const same = await leaseResolver([server.address], 100, env());
    expect(same.resolver).toBe(after.resolver);
    for (const lease of [otherTimeout, otherServer, same]) lease.done(false);
  });

  it('rejects an invalid server list as setServers does', async () => {
    await expect(leaseResolver(['not an address'], 300, env())).rejects.toThrow();
  });

  it(`keeps at most ${MAX_IN_FLIGHT_PER_SERVERS} lookups in flight toward one server; the others wait for their turn`, async () => {
    server.queries.splice(0);
    const silent = anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 400 });
    const lookups = Array.from({ length: 100 }, () => lookupName('silent.test', silent, new AbortController().signal).catch((error: { code?: string }) => error.code));
    await sleep(200);
    expect(server.queries.filter((query) => query.name === 'silent.test')).toHaveLength(MAX_IN_FLIGHT_PER_SERVERS);
    const outcomes = await Promise.all(lookups);
    expect(new Set(outcomes)).toEqual(new Set(['ETIMEOUT']));
    expect(server.queries.filter((query) => query.name === 'silent.test')).toHaveLength(100);
  });

  it('gives up waiting for a turn when the probe is aborted', async () => {
    const held = await Promise.all(Array.from({ length: MAX_IN_FLIGHT_PER_SERVERS }, () => leaseResolver([server.address], 250, env())));
    const controller = new AbortController();
    const waiting = leaseResolver([server.address], 250, env(), controller.signal);
    controller.abort(new Error('probe deadline'));
    await expect(waiting).rejects.toThrow('probe deadline');
    for (const lease of held) lease.done(true);
    const next = await leaseResolver([server.address], 250, env());
    expect(held.map((lease) => lease.resolver)).toContain(next.resolver);
    next.done(true);
  });

  it('answers bursts of 400 lookups at once, none lost to an overflowing DNS server', async () => {
    const burstEnv = anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 2_000 });
    for (let burst = 0; burst < 3; burst++) {
      const lookups = Array.from({ length: 400 }, () => lookupName('site.test', burstEnv, new AbortController().signal));
      const answers = await Promise.all(lookups);
      expect(answers.every((found) => found.length === 1 && found[0].address === '10.0.0.1')).toBe(true);
    }
  });
});
