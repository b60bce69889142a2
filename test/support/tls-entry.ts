// An HTTPS entry with a self-signed certificate, for the TLS-failure scenario.
import { createServer, Server } from 'node:https';
import { makeTestCertificates } from './tls-certs';

export type TlsEntry = { port: number; close(): Promise<void> };

export async function startTlsEntry(port: number): Promise<TlsEntry> {
  const { selfSigned } = makeTestCertificates();
  const server: Server = createServer({ key: selfSigned.key, cert: selfSigned.cert }, (_request, response) => response.end('ok'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
