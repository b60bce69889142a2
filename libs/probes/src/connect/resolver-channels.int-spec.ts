import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { anEnvironment } from '../../test-support/probe-fixtures';
import { lookupName } from './name-lookup';
import { MAX_IN_FLIGHT_PER_SERVERS, withResolver } from './resolver-channels';

let server: TestDnsServer;

beforeAll(async () => {
  server = await startDnsServer({ 'site.test': { A: ['10.0.0.1'] }, 'slow.test': { A: ['10.0.0.2'], delayMs: 150 }, 'silent.test': { drop: true } });
});

afterAll(() => server.close());

beforeEach(() => server.queries.splice(0));

const env = () => anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 300 });
const running = () => new AbortController().signal;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const askedFor = (name: string) => server.queries.filter((query) => query.name === name);

describe('resolver channels', () => {
  it('lets concurrent lookups toward one server list share one channel and its socket', async () => {
    const lookups = Array.from({ length: 20 }, () => withResolver([server.address], 300, env(), running(), (resolver) => resolver.resolve4('slow.test')));
    expect(await Promise.all(lookups)).toEqual(Array.from({ length: 20 }, () => ['10.0.0.2']));
    expect(new Set(askedFor('slow.test').map((query) => query.fromPort)).size).toBe(1);
  });

  it('keeps server lists and timeouts apart', async () => {
    await Promise.all([
      withResolver([server.address], 300, env(), running(), (resolver) => resolver.resolve4('slow.test')),
      withResolver([server.address], 301, env(), running(), (resolver) => resolver.resolve4('slow.test')),
      withResolver([server.address, '127.0.0.1:9'], 300, env(), running(), (resolver) => resolver.resolve4('slow.test')),
    ]);
    expect(new Set(askedFor('slow.test').map((query) => query.fromPort)).size).toBe(3);
  });

  it('answers the other lookups of a channel while one of them times out', async () => {
    const silent = withResolver([server.address], 300, env(), running(), (resolver) => resolver.resolve4('silent.test'));
    const answered = withResolver([server.address], 300, env(), running(), (resolver) => resolver.resolve4('slow.test'));
    await expect(silent).rejects.toMatchObject({ code: 'ETIMEOUT' });
    await expect(answered).resolves.toEqual(['10.0.0.2']);
    await expect(withResolver([server.address], 300, env(), running(), (resolver) => resolver.resolve4('site.test'))).resolves.toEqual(['10.0.0.1']);
  });

  it('settles an aborted lookup at once, without cancelling the others on its channel', async () => {
    const controller = new AbortController();
    const aborted = withResolver([server.address], 300, env(), controller.signal, (resolver) => resolver.resolve4('slow.test'));
    const other = withResolver([server.address], 300, env(), running(), (resolver) => resolver.resolve4('slow.test'));
    await sleep(20);
    controller.abort(new Error('probe deadline'));
    await expect(aborted).rejects.toThrow('probe deadline');
    await expect(other).resolves.toEqual(['10.0.0.2']);
  });

  it('rejects an invalid server list as setServers does', async () => {
    await expect(withResolver(['not an address'], 300, env(), running(), (resolver) => resolver.resolve4('site.test'))).rejects.toThrow();
  });

  it(`keeps at most ${MAX_IN_FLIGHT_PER_SERVERS} lookups in flight toward one server; the others wait for their turn`, async () => {
    const silent = anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 400 });
    const lookups = Array.from({ length: 100 }, () => lookupName('silent.test', silent, running()).catch((error: { code?: string }) => error.code));
    await sleep(200);
    expect(askedFor('silent.test')).toHaveLength(MAX_IN_FLIGHT_PER_SERVERS);
    const outcomes = await Promise.all(lookups);
    expect(new Set(outcomes)).toEqual(new Set(['ETIMEOUT']));
    expect(askedFor('silent.test')).toHaveLength(100);
  });

  it('holds the turn of an aborted lookup until its query ends, and gives up waiting for a turn when aborted', async () => {
    const controller = new AbortController();
    const held = Array.from({ length: MAX_IN_FLIGHT_PER_SERVERS }, () =>
      withResolver([server.address], 250, env(), controller.signal, (resolver) => resolver.resolve4('silent.test')).catch(() => 'aborted'),
    );
    const waiting = new AbortController();
    const queued = withResolver([server.address], 250, env(), waiting.signal, (resolver) => resolver.resolve4('site.test'));
    await sleep(50);
    expect(askedFor('silent.test')).toHaveLength(MAX_IN_FLIGHT_PER_SERVERS);
    controller.abort(new Error('probe deadline'));
    expect(new Set(await Promise.all(held))).toEqual(new Set(['aborted']));
    await sleep(50);
    expect(askedFor('site.test')).toHaveLength(0);
    waiting.abort(new Error('queued probe deadline'));
    await expect(queued).rejects.toThrow('queued probe deadline');
    // Once the held queries time out, their turns come back.
    await expect(withResolver([server.address], 250, env(), running(), (resolver) => resolver.resolve4('site.test'))).resolves.toEqual(['10.0.0.1']);
  });

  it('answers bursts of 400 lookups at once, none lost to an overflowing DNS server', async () => {
    const burstEnv = anEnvironment({ resolvers: [server.address], dnsTimeoutMs: 2_000 });
    for (let burst = 0; burst < 3; burst++) {
      const lookups = Array.from({ length: 400 }, () => lookupName('site.test', burstEnv, running()));
      const answers = await Promise.all(lookups);
      expect(answers.every((found) => found.length === 1 && found[0].address === '10.0.0.1')).toBe(true);
    }
  });
});
