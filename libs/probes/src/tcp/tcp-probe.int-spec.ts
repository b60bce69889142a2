import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { closedPort, startRawServer, type RunningServer } from '../../test-support/loopback-servers';
import { aTcpTarget, anEnvironment } from '../../test-support/probe-fixtures';
import { probeTcp } from './tcp-probe';

let listener: RunningServer;
let dns: TestDnsServer;

beforeAll(async () => {
  listener = await startRawServer((socket) => socket.end());
  dns = await startDnsServer({ 'db.test': { A: ['127.0.0.1'] } });
});

afterAll(async () => {
  await Promise.all([listener.close(), dns.close()]);
});

describe('probeTcp', () => {
  it('is up when the port accepts a connection', async () => {
    const result = await probeTcp(aTcpTarget(`tcp://127.0.0.1:${listener.port}`), anEnvironment());
    expect(result).toMatchObject({ target: 'db', kind: 'tcp', ok: true, errorCode: null, remoteAddress: '127.0.0.1', status: null });
    expect(result.timings.connectMs).not.toBeNull();
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.connectMs!);
  });

  it('is down with ECONNREFUSED when nothing listens, naming the address it tried', async () => {
    const port = await closedPort();
    const result = await probeTcp(aTcpTarget(`tcp://127.0.0.1:${port}`), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'ECONNREFUSED', remoteAddress: '127.0.0.1' });
  });

  it('resolves names through the region resolvers and times the lookup', async () => {
    const result = await probeTcp(aTcpTarget(`tcp://db.test:${listener.port}`), anEnvironment({ resolvers: [dns.address] }));
    expect(result).toMatchObject({ ok: true, remoteAddress: '127.0.0.1' });
    expect(result.timings.dnsMs).not.toBeNull();
  });

  it('connects to a pinned address without asking DNS', async () => {
    const before = dns.queries.length;
    const target = aTcpTarget('tcp://db.internal.test:5432', { connectTo: `127.0.0.1:${listener.port}` });
    const result = await probeTcp(target, anEnvironment({ resolvers: [dns.address] }));
    expect(result).toMatchObject({ ok: true, remoteAddress: '127.0.0.1' });
    expect(dns.queries.length).toBe(before);
  });

  it('connects from env.sourceAddress', async () => {
    const result = await probeTcp(aTcpTarget(`tcp://127.0.0.1:${listener.port}`), anEnvironment({ sourceAddress: '127.0.0.2' }));
    expect(result.ok).toBe(true);
    expect(listener.connections.at(-1)).toBe('127.0.0.2');
  });

  it('rejects a URL without a port', async () => {
    const result = await probeTcp(aTcpTarget('tcp://127.0.0.1'), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'UNKNOWN' });
  });
});
