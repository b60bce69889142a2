// The demo chain where nginx is not installed: two small Node gateways that answer 403, 502 and 504 as proxies do.
import { createServer, request as httpRequest, Server } from 'node:http';
import { ChainGateway, ChainPorts, PROXY_READ_TIMEOUT_SECONDS } from './chain-gateway';

const SERVER_HEADER = 'hopwatch-demo-gateway';

type ErrorStatus = 403 | 502 | 504;

function errorPage(status: ErrorStatus): string {
  const title = { 403: 'Forbidden', 502: 'Bad Gateway', 504: 'Gateway Timeout' }[status];
  return `<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1><hr>${SERVER_HEADER}</body></html>\n`;
}

function gateway(upstream: () => number, timeoutSeconds: number, refuse: (address: string | undefined) => boolean): Server {
  return createServer((request, response) => {
    const fail = (status: ErrorStatus) => {
      if (!response.headersSent) response.writeHead(status, { server: SERVER_HEADER, 'content-type': 'text/html' }).end(errorPage(status));
    };
    if (refuse(request.socket.remoteAddress)) return fail(403);
    const forward = httpRequest({ host: '127.0.0.1', port: upstream(), path: request.url, method: request.method, headers: request.headers });
    forward.setTimeout(timeoutSeconds * 1_000, () => (fail(504), forward.destroy()));
    forward.on('error', () => fail(502));
    forward.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, server: SERVER_HEADER });
      answer.pipe(response);
    });
    request.pipe(forward);
  });
}

export async function startNodeChain(ports: ChainPorts): Promise<ChainGateway> {
  let upstream = ports.app;
  let blocked: string | null = null;
  const proxy = gateway(() => upstream, PROXY_READ_TIMEOUT_SECONDS, () => false);
  const edge = gateway(() => ports.proxy, 30, (address) => blocked !== null && address?.replace(/^::ffff:/, '') === blocked);
  const listen = (server: Server, port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(proxy, ports.proxy);
  await listen(edge, ports.edge);
  const close = (server: Server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return {
    product: SERVER_HEADER,
    setProxyUpstream: async (port) => void (upstream = port),
    blockSource: async (address) => void (blocked = address),
    pids: () => [],
    stop: async () => void (await Promise.all([close(edge), close(proxy)])),
  };
}
