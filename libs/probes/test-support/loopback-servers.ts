// Servers on loopback for the probes' integration tests; each one closes with every connection it holds.
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export type RunningServer = {
  port: number;
  /** `http://127.0.0.1:<port>` style origin for the server's host. */
  origin: string;
  /** Every request the server received, in order. */
  requests: IncomingMessage[];
  /** Remote addresses of every connection accepted. */
  connections: string[];
  close(): Promise<void>;
};

export type TlsRunningServer = RunningServer & { servernames: Array<string | false | null> };

const LOOPBACK = '127.0.0.1';

export async function startHttpServer(handler: RequestListener, host = LOOPBACK): Promise<RunningServer> {
  const server = createHttpServer(handler);
  return track(server, host, 'http');
}

export async function startHttpsServer(keyPair: { key: string; cert: string }, handler: RequestListener, host = LOOPBACK): Promise<TlsRunningServer> {
  const server = createHttpsServer({ key: keyPair.key, cert: keyPair.cert }, handler);
  const servernames: Array<string | false | null> = [];
  server.on('secureConnection', (socket: TLSSocket) => servernames.push(socket.servername));
  server.on('tlsClientError', () => undefined);
  return { ...(await track(server, host, 'https')), servernames };
}

/** A TCP server that hands each connection to `onConnection` (to stall, reset or speak garbage). */
export async function startRawServer(onConnection: (socket: Socket) => void, host = LOOPBACK): Promise<RunningServer> {
  const server = createNetServer(onConnection);
  return track(server, host, 'http');
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(host = LOOPBACK): Promise<number> {
  const server = createNetServer();
  await listen(server, host);
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function track(server: Server | HttpServer, host: string, scheme: 'http' | 'https'): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const requests: IncomingMessage[] = [];
  const connections: string[] = [];
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    connections.push(socket.remoteAddress ?? '');
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (request: IncomingMessage) => requests.push(request));
  await listen(server, host);
  const port = portOf(server);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    origin: `${scheme}://${hostPart}:${port}`,
    requests,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}
