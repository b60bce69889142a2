import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { closedPort, startHttpServer, startRawServer, type RunningServer } from '../../test-support/loopback-servers';
import { aTcpTarget, anEnvironment, anHttpTarget } from '../../test-support/probe-fixtures';
import { probeChain, type ProbedChainSpec } from './probe-chain';

let gateway: RunningServer;
let origin: RunningServer;
let dnsA: TestDnsServer;
let dnsB: TestDnsServer;

beforeAll(async () => {
  gateway = await startHttpServer((_request, response) => {
    response.writeHead(502, { server: 'nginx' });
    response.end('<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>');
  });
  origin = await startRawServer((socket) => socket.destroy());
  dnsA = await startDnsServer({ 'shop.test': { A: ['127.0.0.1'] } });
  dnsB = await startDnsServer({ 'shop.test': { A: ['127.0.0.9'] } });
});

afterAll(async () => {
  await Promise.all([gateway.close(), origin.close(), dnsA.close(), dnsB.close()]);
});

describe('probeChain', () => {
  it('returns one result per target and per resolver from the same run', async () => {
    const deadPort = await closedPort();
    const spec: ProbedChainSpec = {
      entry: anHttpTarget(`http://shop.test:${gateway.port}/`),
      hops: [
        anHttpTarget(`http://shop.test:${origin.port}/`, { target: 'origin', role: 'app', connectTo: '127.0.0.1' }),
        aTcpTarget(`tcp://127.0.0.1:${deadPort}`, { target: 'db' }),
      ],
      dnsResolvers: [dnsA.address, dnsB.address],
    };
    const run = await probeChain(spec, anEnvironment({ resolvers: [dnsA.address] }), { siteId: 'site-1', region: 'eu', slot: 1700000000 });
    expect(run).toMatchObject({ siteId: 'site-1', region: 'eu', slot: 1700000000, dnsDisagreement: true });
    expect(run.results.map((result) => [result.target, result.kind, result.errorCode])).toEqual([
      ['entry', 'http', 'STATUS_MISMATCH'],
      ['origin', 'http', 'ECONNRESET'],
      ['db', 'tcp', 'ECONNREFUSED'],
      [`dns:${dnsA.address}`, 'dns', null],
      [`dns:${dnsB.address}`, 'dns', null],
    ]);
    expect(run.results[0]).toMatchObject({ status: 502, headers: { server: 'nginx' } });
    expect(run.results[0].bodySnippet).toContain('502 Bad Gateway');
  });

  it('turns unusable targets into failed results instead of throwing', async () => {
    const spec: ProbedChainSpec = {
      entry: anHttpTarget('not a url'),
      hops: [aTcpTarget('tcp://nowhere'), anHttpTarget('ftp://files.test/', { target: 'files' })],
      dnsResolvers: ['system', 'not-a-resolver'],
    };
    const run = await probeChain(spec, anEnvironment(), { siteId: 'site-2', region: 'default', slot: 1 });
    expect(run.results).toHaveLength(5);
    expect(run.results.every((result) => !result.ok && result.errorCode !== null)).toBe(true);
    expect(run.dnsDisagreement).toBe(false);
  });
});
