import { GatewayProcess, gatewayDirectory, startGateway, writeConfig } from './gateway-process';

/** One Caddy reverse_proxy site per route, plain HTTP on loopback, no admin endpoint. */
export type CaddyRoute = { listenPort: number; upstream: string; timeoutSeconds?: number };

export async function startCaddy(routes: CaddyRoute[]): Promise<GatewayProcess> {
  const directory = gatewayDirectory('caddy');
  const sites = routes.map((route) => `
http://127.0.0.1:${route.listenPort} {
	bind 127.0.0.1
	reverse_proxy ${route.upstream} {
		transport http {
			dial_timeout ${route.timeoutSeconds ?? 1}s
			response_header_timeout ${route.timeoutSeconds ?? 1}s
		}
	}
}`);
  const config = writeConfig(directory, 'Caddyfile', `{
	admin off
	auto_https off
}
${sites.join('\n')}
`);
  // Caddy keeps its state under HOME / XDG directories: point them into the private directory.
  const environment = ['HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME'].map((name) => `${name}=${directory}`);
  return startGateway('env', [...environment, 'caddy', 'run', '--config', config, '--adapter', 'caddyfile'], directory, routes.map((route) => route.listenPort));
}
