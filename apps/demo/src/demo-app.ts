// The application at the end of the demo chain, whose behaviour the demo changes to reproduce each cause.
import { createServer, Server } from 'node:http';
import { Socket } from 'node:net';

export type AppMode = 'healthy' | 'down' | 'slow' | 'flaky';

export type DemoApp = { port: number; setMode(mode: AppMode): Promise<void>; stop(): Promise<void> };

const SLOW_MS = 6_000;

export async function startDemoApp(port: number): Promise<DemoApp> {
  let mode: AppMode = 'healthy';
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    requests++;
    // A flaky origin drops every other connection without answering: the proxy in front sees a reset.
    if (mode === 'flaky' && requests % 2 === 0) return void request.socket.destroy();
    const answer = () => response.writeHead(200, { 'content-type': 'text/plain' }).end('demo shop ok\n');
    if (mode === 'slow') setTimeout(answer, SLOW_MS).unref();
    else answer();
  });
  server.keepAliveTimeout = 1_000;
  server.on('connection', (socket) => (sockets.add(socket), socket.once('close', () => sockets.delete(socket))));
  const listen = () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const close = () => new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
  await listen();
  return {
    port,
    async setMode(next) {
      if (next === 'down') await close();
      else if (!server.listening) await listen();
      mode = next;
    },
    stop: close,
  };
}
