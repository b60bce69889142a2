import { connect, type Socket } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';
import { untilAborted } from '../shared/deadline';

/** Opens a fresh TCP connection from the region's source address; resolves once it is established. */
export function connectTcp(address: string, port: number, env: ProbeEnvironment, signal: AbortSignal): Promise<Socket> {
  const socket = connect({ host: address, port, localAddress: env.sourceAddress ?? undefined });
  // Whoever holds the socket listens for its errors; this keeps a late one from crashing the worker.
  socket.on('error', ignore);
  const connected = new Promise<Socket>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
  return untilAborted(signal, connected, () => socket.destroy());
}

export function ignore(): void {}
