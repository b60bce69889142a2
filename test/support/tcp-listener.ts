// A bare TCP listener on loopback that a test can stop and start again on the same port.
import { createServer, Server, Socket } from 'node:net';

export type TcpListener = { port: number; accepted: number; stop(): Promise<void>; start(): Promise<void>; close(): Promise<void> };

export async function startTcpListener(port: number): Promise<TcpListener> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listener: TcpListener = {
    port,
    accepted: 0,
    async start() {
      server = createServer((socket) => {
        listener.accepted++;
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        socket.end();
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', resolve);
      });
    },
    async stop() {
      const closing = server;
      server = null;
      if (!closing) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    close: () => listener.stop(),
  };
  await listener.start();
  return listener;
}
