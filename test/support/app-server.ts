// The application at the end of a test chain, whose behaviour a test switches: healthy, refusing,
// resetting, slow, failing with 500, or failing every n-th request.
import { createServer, Server } from 'node:http';
import { Socket } from 'node:net';

export type AppBehaviour =
  | { kind: 'healthy' }
  | { kind: 'reset' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'error'; status: number }
  /** Resets every n-th request (only those under `pathPrefix` count, when given). */
  | { kind: 'reset-every'; nth: number; pathPrefix?: string };

export type AppServer = { port: number; behave(next: AppBehaviour): void; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> };

export async function startAppServer(port: number, initial: AppBehaviour = { kind: 'healthy' }): Promise<AppServer> {
  let behaviour = initial;
  let counted = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const current = behaviour;
    const counts = current.kind === 'reset-every' && (request.url ?? '/').startsWith(current.pathPrefix ?? '/');
    if (counts) counted++;
    if (current.kind === 'reset' || (current.kind === 'reset-every' && counts && counted % current.nth === 0)) {
      request.socket.resetAndDestroy();
      return;
    }
    if (current.kind === 'error') return void response.writeHead(current.status, { 'content-type': 'text/plain' }).end('application error');
    const answer = () => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (current.kind === 'slow') return void setTimeout(answer, current.delayMs).unref();
    answer();
  });
  server.keepAliveTimeout = 1;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  await listen();
  return { port, behave: (next) => (behaviour = next), down: stop, up: listen, close: () => (server.listening ? stop() : Promise.resolve()) };
}
