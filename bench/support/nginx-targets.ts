// The sites' three HTTP servers as one nginx, when it is installed: the bench's targets stand for the outside world,
// and Node servers answering 2,500 requests a second took a quarter of a core of the box being measured.
import { freePort } from '../../test/support/free-port';
import { installed } from '../../test/support/gateways/gateway-process';
import { startNginxServers } from '../../test/support/gateways/nginx';

export type HttpTargets = { addresses: { entryPort: number; proxyPort: number; appPort: number }; close(): Promise<unknown> };

export const nginxInstalled = () => installed('nginx');

/** Each port answers 200 "ok" on any path, closing the connection as the probes' fresh connections expect. */
export async function startNginxTargets(): Promise<HttpTargets> {
  const ports = [await freePort(), await freePort(), await freePort()];
  const servers = ports.map((port) => `
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location / { return 200 "ok"; }
  }`);
  // Up to 1,000 checks in flight per worker, each with its three connections.
  const nginx = await startNginxServers(servers, ports, {
    events: ['worker_connections 8192', 'multi_accept on'],
    http: ['keepalive_timeout 0', 'default_type text/plain'],
    errorLogLevel: 'warn',
  });
  const [entryPort, proxyPort, appPort] = ports;
  return { addresses: { entryPort, proxyPort, appPort }, close: () => nginx.stop() };
}
