import { startDnsServer, type TestDnsServer } from '../../../../test/support/dns-server';
import { startHttpServer, type RunningServer } from '../../test-support/loopback-servers';
import { aTcpTarget, anEnvironment, anHttpTarget, defaultPolicy } from '../../test-support/probe-fixtures';
import { probeHttp } from '../http/http-probe';
import { probeTcp } from '../tcp/tcp-probe';

let app: RunningServer;
let dns: TestDnsServer;

beforeAll(async () => {
  app = await startHttpServer((request, response) => {
    if (request.url === '/to-metadata') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      return void response.end();
    }
    response.end('app');
  });
  dns = await startDnsServer({ 'metadata.test': { A: ['169.254.169.254'] }, 'sneaky.test': { A: ['127.0.0.1'] } });
});

afterAll(async () => {
  await Promise.all([app.close(), dns.close()]);
});

describe('the target policy at connect time', () => {
  it('denies the cloud metadata address without connecting', async () => {
    const result = await probeHttp(anHttpTarget('http://169.254.169.254/latest/meta-data'), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED', remoteAddress: null, status: null });
    expect(result.timings.connectMs).toBeNull();
    expect(result.errorMessage).toMatch(/169\.254\.169\.254/);
  });

  it('denies loopback under the default policy', async () => {
    const connectionsBefore = app.connections.length;
    const result = await probeHttp(anHttpTarget(`${app.origin}/`), anEnvironment({ policy: defaultPolicy }));
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED' });
    expect(app.connections.length).toBe(connectionsBefore);
  });

  it('denies a pinned connectTo address the policy refuses', async () => {
    const target = anHttpTarget('http://app.example.test/', { connectTo: '169.254.169.254:80' });
    const result = await probeHttp(target, anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED' });
  });

  it('re-checks every redirect and denies one that points at the metadata service', async () => {
    const result = await probeHttp(anHttpTarget(`${app.origin}/to-metadata`), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED', remoteAddress: null });
  });

  it('denies a name that resolves to the metadata address', async () => {
    const result = await probeHttp(anHttpTarget('http://metadata.test/'), anEnvironment({ resolvers: [dns.address] }));
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED', remoteAddress: null });
    expect(result.errorMessage).toContain('metadata.test resolves to 169.254.169.254');
    expect(result.timings.dnsMs).toBeNull();
  });

  it('denies a name that resolves to loopback under the default policy', async () => {
    const env = anEnvironment({ policy: defaultPolicy, resolvers: [dns.address] });
    const result = await probeHttp(anHttpTarget(`http://sneaky.test:${app.port}/`), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED' });
  });

  it('applies to TCP probes as well', async () => {
    const result = await probeTcp(aTcpTarget(`tcp://127.0.0.1:${app.port}`), anEnvironment({ policy: defaultPolicy }));
    expect(result).toMatchObject({ ok: false, errorCode: 'TARGET_DENIED', kind: 'tcp' });
  });
});
