import { makeTestCertificates, type TestCertificates } from '../../../../test/support/tls-certs';
import { startHttpsServer, startHttpServer, type RunningServer, type TlsRunningServer } from '../../test-support/loopback-servers';
import { anEnvironment, anHttpTarget } from '../../test-support/probe-fixtures';
import { probeHttp } from './http-probe';

let certs: TestCertificates;
const servers: RunningServer[] = [];

async function httpsServer(keyPair: { key: string; cert: string }): Promise<TlsRunningServer> {
  const server = await startHttpsServer(keyPair, (_request, response) => response.end('secure hello'));
  servers.push(server);
  return server;
}

beforeAll(() => {
  certs = makeTestCertificates();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('probeHttp over TLS', () => {
  it('verifies a certificate from a trusted CA and records what it presented', async () => {
    const server = await httpsServer(certs.leaf);
    const url = `https://app.example.test:${server.port}/`;
    const result = await probeHttp(anHttpTarget(url, { connectTo: '127.0.0.1' }), anEnvironment({ ca: [certs.ca] }));
    expect(result).toMatchObject({ ok: true, status: 200, remoteAddress: '127.0.0.1' });
    expect(result.tls).toMatchObject({ servername: 'app.example.test', issuer: 'hopwatch test CA', subject: 'app.example.test', authorized: true });
    expect(Date.parse(result.tls!.validTo!)).toBeGreaterThan(Date.now());
    const { connectMs, tlsMs, ttfbMs, totalMs } = result.timings;
    expect(tlsMs!).toBeGreaterThanOrEqual(connectMs!);
    expect(ttfbMs!).toBeGreaterThanOrEqual(tlsMs!);
    expect(totalMs).toBeGreaterThanOrEqual(ttfbMs!);
  });

  it('sends the URL host name as SNI even when the connection is pinned to an address', async () => {
    const server = await httpsServer(certs.leaf);
    const url = `https://app.example.test:${server.port}/`;
    await probeHttp(anHttpTarget(url, { connectTo: `127.0.0.1:${server.port}` }), anEnvironment({ ca: [certs.ca] }));
    expect(server.servernames).toEqual(['app.example.test']);
    expect(server.requests[0].headers.host).toBe(`app.example.test:${server.port}`);
  });

  it('sends no SNI to an IP-literal URL and checks the address against the certificate', async () => {
    const server = await httpsServer(certs.leaf);
    const result = await probeHttp(anHttpTarget(`https://127.0.0.1:${server.port}/`), anEnvironment({ ca: [certs.ca] }));
    expect(result).toMatchObject({ ok: true, tls: { servername: null, authorized: true } });
    expect(server.servernames).toEqual([false]);
  });

  it('fails a self-signed certificate with CERT_SELF_SIGNED before sending the request', async () => {
    const server = await httpsServer(certs.selfSigned);
    const result = await probeHttp(anHttpTarget(`https://127.0.0.1:${server.port}/`), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'CERT_SELF_SIGNED', status: null });
    expect(result.tls).toMatchObject({ authorized: false, subject: 'app.example.test', issuer: 'app.example.test' });
    expect(server.requests).toHaveLength(0);
  });

  it('fails an expired certificate with CERT_HAS_EXPIRED and records when it expired', async () => {
    const server = await httpsServer(certs.expired);
    const result = await probeHttp(anHttpTarget(`https://127.0.0.1:${server.port}/`), anEnvironment({ ca: [certs.ca] }));
    expect(result).toMatchObject({ ok: false, errorCode: 'CERT_HAS_EXPIRED' });
    expect(result.tls).toMatchObject({ authorized: false, validTo: '2020-01-02T00:00:00.000Z' });
    expect(result.timings.tlsMs).toBeNull();
  });

  it('fails a certificate for another name with CERT_HOSTNAME_MISMATCH', async () => {
    const server = await httpsServer(certs.leaf);
    const url = `https://other.example.test:${server.port}/`;
    const result = await probeHttp(anHttpTarget(url, { connectTo: '127.0.0.1' }), anEnvironment({ ca: [certs.ca] }));
    expect(result).toMatchObject({ ok: false, errorCode: 'CERT_HOSTNAME_MISMATCH', tls: { servername: 'other.example.test' } });
  });

  it('fails a CA-signed certificate with CERT_UNTRUSTED when the CA is not trusted', async () => {
    const server = await httpsServer(certs.leaf);
    const result = await probeHttp(anHttpTarget(`https://127.0.0.1:${server.port}/`), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'CERT_UNTRUSTED' });
  });

  it('reports TLS spoken to a plain HTTP port as EPROTO', async () => {
    const server = await startHttpServer((_request, response) => response.end('plain'));
    servers.push(server);
    const result = await probeHttp(anHttpTarget(`https://127.0.0.1:${server.port}/`), anEnvironment());
    expect(result).toMatchObject({ ok: false, errorCode: 'EPROTO' });
  });
});
