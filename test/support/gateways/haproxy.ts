import { GatewayProcess, gatewayDirectory, startGateway, writeConfig } from './gateway-process';

/** One HAProxy frontend → backend pair; `rejectSources` drops connections from those addresses (a firewall rule). */
export type HaproxyRoute = { listenPort: number; upstream: string; rejectSources?: string[]; serverTimeoutSeconds?: number };

export async function startHaproxy(routes: HaproxyRoute[]): Promise<GatewayProcess> {
  const directory = gatewayDirectory('haproxy');
  const sections = routes.map((route, index) => `
frontend fe_${index}
  bind 127.0.0.1:${route.listenPort}
${(route.rejectSources ?? []).map((source) => `  tcp-request connection reject if { src ${source} }`).join('\n')}
  default_backend be_${index}
backend be_${index}
  timeout server ${route.serverTimeoutSeconds ?? 10}s
  server s1 ${route.upstream}`);
  const config = writeConfig(directory, 'haproxy.cfg', `
global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 10s
  timeout server 10s
${sections.join('\n')}
`);
  return startGateway('haproxy', ['-f', config, '-db'], directory, routes.map((route) => route.listenPort));
}
