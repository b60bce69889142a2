import { GatewayProcess, gatewayDirectory, startGateway, writeConfig } from './gateway-process';

/**
 * One nginx server block: listen port → upstream address, with the proxy timeouts a test needs. Blocks sharing a
 * port are virtual hosts told apart by `serverName`.
 */
export type NginxRoute = { listenPort: number; upstream: string; readTimeoutSeconds?: number; connectTimeoutSeconds?: number; serverName?: string };

export async function startNginx(routes: NginxRoute[]): Promise<GatewayProcess> {
  const servers = routes.map((route, index) => `
  upstream backend_${index} { server ${route.upstream} max_fails=0; }
  server {
    listen 127.0.0.1:${route.listenPort};${route.serverName ? `
    server_name ${route.serverName};` : ''}
    location / {
      proxy_pass http://backend_${index};
      proxy_connect_timeout ${route.connectTimeoutSeconds ?? 2}s;
      proxy_read_timeout ${route.readTimeoutSeconds ?? 2}s;
      proxy_next_upstream off;
      proxy_set_header Host $host;
    }
  }`);
  return startNginxServers(servers, routes.map((route) => route.listenPort));
}

/** Directives for a heavier load than a test's (the bench's targets): `events` replaces the default, `http` adds. */
export type NginxTuning = { events?: string[]; http?: string[]; errorLogLevel?: 'info' | 'warn' };

const directives = (list: string[]) => list.map((directive) => `${directive};`).join(' ');

/** One unprivileged nginx with these `server` blocks in its `http` block, up once it listens on every port. */
export async function startNginxServers(servers: string[], ports: number[], tuning: NginxTuning = {}): Promise<GatewayProcess> {
  const directory = gatewayDirectory('nginx');
  const config = writeConfig(directory, 'nginx.conf', `
worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log ${tuning.errorLogLevel ?? 'info'};
events { ${directives(tuning.events ?? ['worker_connections 256'])} }
http {
  access_log off;
  client_body_temp_path ${directory}/body; proxy_temp_path ${directory}/proxy; fastcgi_temp_path ${directory}/fcgi;
  uwsgi_temp_path ${directory}/uwsgi; scgi_temp_path ${directory}/scgi;
  ${directives(tuning.http ?? [])}
  ${servers.join('\n')}
}
`);
  return startGateway('nginx', ['-p', directory, '-c', config, '-e', `${directory}/error.log`, '-g', 'daemon off;'], directory, ports);
}
