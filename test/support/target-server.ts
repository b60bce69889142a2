// An HTTP server on loopback whose answer a test can change while checks run against it.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export type TargetServer = {
  port: number;
  url: (path?: string) => string;
  requests: number;
  respondWith(handler: Handler): void;
  close(): Promise<void>;
};

export const answerOk: Handler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
};

export async function startTargetServer(handler: Handler = answerOk, host = '127.0.0.1'): Promise<TargetServer> {
  let current = handler;
  const server: Server = createServer((request, response) => {
    state.requests++;
    current(request, response);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const state: TargetServer = {
    port,
    url: (path = '/') => `http://${host}:${port}${path}`,
    requests: 0,
    respondWith: (next) => (current = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}
