// The sites' three HTTP servers as one nginx, when it is installed: the bench's targets stand for the outside world,
// and a Node server answering 2,500 requests a second took a third of a core of the box being measured.
import { freePort } from '../../test/support/free-port';
import { gatewayDirectory, installed, startGateway, writeConfig } from '../../test/support/gateways/gateway-process';

export type HttpTargets = { addresses: { entryPort: number; proxyPort: number; appPort: number }; close(): Promise<unknown> };

export const nginxInstalled = () => installed('nginx');

/** Each port answers 200 "ok" on any path, closing the connection as the probes' fresh connections expect. */
export async function startNginxTargets(): Promise<HttpTargets> {
  const [entryPort, proxyPort, appPort] = [await freePort(), await freePort(), await freePort()];
  const directory = gatewayDirectory('bench-targets');
  const servers = [entryPort, proxyPort, appPort].map((port) => `
  server {
    listen 127.0.0.1:${port} backlog=4096;
    location / { return 200 "ok"; }
  }`);
  const config = writeConfig(directory, 'nginx.conf', `
worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 8192; multi_accept on; }
http {
  access_log off;
  keepalive_timeout 0;
  default_type text/plain;
  client_body_temp_path ${directory}/body; proxy_temp_path ${directory}/proxy; fastcgi_temp_path ${directory}/fcgi;
  uwsgi_temp_path ${directory}/uwsgi; scgi_temp_path ${directory}/scgi;
  ${servers.join('\n')}
}
`);
  const nginx = await startGateway('nginx', ['-p', directory, '-c', config, '-e', `${directory}/error.log`, '-g', 'daemon off;'], directory, [entryPort, proxyPort, appPort]);
  return { addresses: { entryPort, proxyPort, appPort }, close: () => nginx.stop() };
}
