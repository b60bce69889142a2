import { createServer } from 'node:net';

/** The port a process must listen on is taken (or not ours to take); the message says which setting moves it. */
export class PortUnavailableError extends Error {
  constructor(port: number, host: string, variable: string, code: string) {
    const why = code === 'EACCES' ? 'needs privileges this process does not have' : 'is already in use';
    super(`port ${port} on ${host} ${why} (${code}); stop whatever listens there or set ${variable} to a free port`);
  }
}

/**
 * Binds the port for a moment before anything else starts, so a taken port stops the process at once with
 * one line (instead of after migrations, with the framework's own error log and a stack trace).
 */
export async function assertPortFree(port: number, host: string, variable: string): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') reject(new PortUnavailableError(port, host, variable, error.code));
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
