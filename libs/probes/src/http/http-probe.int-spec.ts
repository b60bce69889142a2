import type { ServerResponse } from 'node:http';
import { anEnvironment, anHttpTarget } from '../../test-support/probe-fixtures';
import { closedPort, startHttpServer, startRawServer, type RunningServer } from '../../test-support/loopback-servers';
import { probeHttp } from './http-probe';

const env = anEnvironment();
const servers: RunningServer[] = [];

async function serve(handler: (response: ServerResponse, path: string) => void): Promise<RunningServer> {
  const server = await startHttpServer((request, response) => handler(response, request.url ?? '/'));
  servers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('probeHttp timings', () => {
  it('orders the phases and puts a 300 ms first-byte delay into ttfbMs, not connectMs', async () => {
    const server = await serve((response) => setTimeout(() => response.end('ok'), 300));
    const result = await probeHttp(anHttpTarget(`${server.origin}/`), env);
    expect(result).toMatchObject({ ok: true, status: 200, errorCode: null, remoteAddress: '127.0.0.1' });
    const { dnsMs, connectMs, tlsMs, ttfbMs, totalMs } = result.timings;
    expect(dnsMs).toBeNull();
    expect(tlsMs).toBeNull();
    expect(connectMs).not.toBeNull();
    expect(connectMs!).toBeLessThan(250);
    expect(ttfbMs!).toBeGreaterThanOrEqual(295);
    expect(ttfbMs!).toBeGreaterThanOrEqual(connectMs!);
    expect(totalMs).toBeGreaterThanOrEqual(ttfbMs!);
  });

  it('counts a slow body in totalMs after the headers arrived', async () => {
    const server = await serve((response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first part ');
      setTimeout(() => response.end('second part'), 300);
    });
    const result = await probeHttp(anHttpTarget(`${server.origin}/`, { bodyContains: 'second part' }), env);
    expect(result.ok).toBe(true);
    expect(result.timings.totalMs - result.timings.ttfbMs!).toBeGreaterThanOrEqual(250);
  });
});

describe('probeHttp failures', () => {
  it('reports a closed port as ECONNREFUSED with the time it took and the address it tried', async () => {
    const port = await closedPort();
    const result = await probeHttp(anHttpTarget(`http://127.0.0.1:${port}/`), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'ECONNREFUSED', status: null, remoteAddress: '127.0.0.1' });
    expect(result.errorMessage).toMatch(/refused/);
    expect(result.timings.connectMs).toBeNull();
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('gives up at timeoutMs with ETIMEDOUT when the server never answers', async () => {
    const server = await startRawServer(() => undefined);
    servers.push(server);
    const result = await probeHttp(anHttpTarget(`${server.origin}/`, { timeoutMs: 400 }), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'ETIMEDOUT' });
    expect(result.errorMessage).toContain('waiting for the response headers');
    expect(result.timings.connectMs).not.toBeNull();
    expect(result.timings.ttfbMs).toBeNull();
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(390);
    expect(result.timings.totalMs).toBeLessThan(2000);
  });

  it('reports a server that accepts and then drops the connection as ECONNRESET', async () => {
    const server = await startRawServer((socket) => socket.once('data', () => socket.destroy()));
    servers.push(server);
    const result = await probeHttp(anHttpTarget(`${server.origin}/`), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'ECONNRESET', status: null });
  });

  it('reports a connection reset in the middle of the body as ECONNRESET but keeps the status', async () => {
    const server = await startRawServer((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\npartial');
        setTimeout(() => socket.destroy(), 50);
      }),
    );
    servers.push(server);
    const result = await probeHttp(anHttpTarget(`${server.origin}/`), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'ECONNRESET', status: 200 });
  });

  it('reports bytes that are not HTTP as INVALID_RESPONSE', async () => {
    const server = await startRawServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n')));
    servers.push(server);
    const result = await probeHttp(anHttpTarget(`${server.origin}/`), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'INVALID_RESPONSE', status: null });
  });

  it('reports a response header section over 16 KiB as INVALID_RESPONSE', async () => {
    const server = await serve((response) => {
      response.setHeader('x-huge', 'y'.repeat(20 * 1024));
      response.end('ok');
    });
    const result = await probeHttp(anHttpTarget(`${server.origin}/`), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'INVALID_RESPONSE' });
  });

  it('fails with STATUS_MISMATCH when the status is outside expectStatus', async () => {
    const server = await serve((response) => {
      response.statusCode = 404;
      response.end('not here');
    });
    const result = await probeHttp(anHttpTarget(`${server.origin}/`, { expectStatus: '200-299' }), env);
    expect(result).toMatchObject({ ok: false, status: 404, errorCode: 'STATUS_MISMATCH', bodySnippet: null });
    expect(result.errorMessage).toContain('404');
  });

  it('accepts a status that expectStatus lists even if it is an error', async () => {
    const server = await serve((response) => {
      response.statusCode = 503;
      response.end('maintenance');
    });
    const result = await probeHttp(anHttpTarget(`${server.origin}/`, { expectStatus: '200,503' }), env);
    expect(result).toMatchObject({ ok: true, status: 503, bodySnippet: 'maintenance' });
  });

  it('fails with BODY_MISMATCH when the body lacks bodyContains', async () => {
    const server = await serve((response) => response.end('<h1>Welcome</h1>'));
    const result = await probeHttp(anHttpTarget(`${server.origin}/`, { bodyContains: 'Dashboard' }), env);
    expect(result).toMatchObject({ ok: false, status: 200, errorCode: 'BODY_MISMATCH' });
  });

  it('matches bodyContains within the first 64 KiB only', async () => {
    const server = await serve((response) => response.end(`${'a'.repeat(70 * 1024)}needle`));
    const result = await probeHttp(anHttpTarget(`${server.origin}/`, { bodyContains: 'needle' }), env);
    expect(result.errorCode).toBe('BODY_MISMATCH');
  });
});

describe('probeHttp answers kept for diagnosis', () => {
  it('keeps the first 2 KiB of a 502 body as bodySnippet', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(5000)}</body></html>`;
    const server = await serve((response) => {
      response.writeHead(502, { server: 'nginx/1.24.0' });
      response.end(page);
    });
    const result = await probeHttp(anHttpTarget(`${server.origin}/`), env);
    expect(result).toMatchObject({ ok: false, status: 502, errorCode: 'STATUS_MISMATCH' });
    expect(result.bodySnippet).toBe(page.slice(0, 2048));
  });

  it('keeps only the revealing headers, with lower-case names', async () => {
    const server = await serve((response) => {
      response.setHeader('Server', 'nginx');
      response.setHeader('Via', '1.1 varnish');
      response.setHeader('X-Cache', 'MISS');
      response.setHeader('CF-Ray', '8a1b2c3d4e5f6789-FRA');
      response.setHeader('X-Envoy-Upstream-Service-Time', '12');
      response.setHeader('Proxy-Status', 'envoy; error=connection_refused');
      response.setHeader('Set-Cookie', 'session=secret');
      response.setHeader('X-Internal-Thing', 'hidden');
      response.end('ok');
    });
    const result = await probeHttp(anHttpTarget(`${server.origin}/`), env);
    expect(result.headers).toMatchObject({
      server: 'nginx',
      via: '1.1 varnish',
      'x-cache': 'MISS',
      'cf-ray': '8a1b2c3d4e5f6789-FRA',
      'x-envoy-upstream-service-time': '12',
      'proxy-status': 'envoy; error=connection_refused',
    });
    expect(result.headers).not.toHaveProperty('set-cookie');
    expect(result.headers).not.toHaveProperty('x-internal-thing');
  });

  it('sends HEAD when the site asks for it', async () => {
    const server = await serve((response) => response.end('body'));
    const result = await probeHttp(anHttpTarget(`${server.origin}/`, { method: 'HEAD' }), env);
    expect(result.ok).toBe(true);
    expect(server.requests.at(-1)?.method).toBe('HEAD');
  });
});

describe('probeHttp redirects', () => {
  const chainOf = (response: ServerResponse, path: string): void => {
    const step = Number(/^\/step\/(\d+)$/.exec(path)?.[1] ?? 0);
    if (step === 0) return void response.end('arrived');
    response.writeHead(302, { location: `/step/${step - 1}` });
    response.end();
  };

  it('follows up to five redirects to the final answer', async () => {
    const server = await serve(chainOf);
    const result = await probeHttp(anHttpTarget(`${server.origin}/step/5`, { bodyContains: 'arrived' }), env);
    expect(result).toMatchObject({ ok: true, status: 200 });
  });

  it('fails with TOO_MANY_REDIRECTS at the sixth', async () => {
    const server = await serve(chainOf);
    const result = await probeHttp(anHttpTarget(`${server.origin}/step/6`), env);
    expect(result).toMatchObject({ ok: false, errorCode: 'TOO_MANY_REDIRECTS', status: 302 });
  });

  it('names the last redirect without the password of the URL it started from', async () => {
    const server = await serve(chainOf);
    const withCredentials = server.origin.replace('http://', 'http://monitor:url-secret@');
    const result = await probeHttp(anHttpTarget(`${withCredentials}/step/6`), env);
    expect(result.errorMessage).toContain('monitor:***@');
    expect(result.errorMessage).not.toContain('url-secret');
  });
});
