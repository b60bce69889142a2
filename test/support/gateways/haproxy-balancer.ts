import { GatewayProcess, gatewayDirectory, startGateway, writeConfig } from './gateway-process';

/** One HAProxy frontend balancing round-robin over `servers`, without health checks, so a broken server stays in the pool. */
export type HaproxyPool = { listenPort: number; servers: string[]; serverTimeoutSeconds?: number };

export async function startHaproxyBalancer(pools: HaproxyPool[]): Promise<GatewayProcess> {
  const directory = gatewayDirectory('haproxy-balancer');
  const sections = pools.map((pool, index) => `
frontend fe_${index}
  bind 127.0.0.1:${pool.listenPort}
  default_backend be_${index}
backend be_${index}
  balance roundrobin
  timeout server ${pool.serverTimeoutSeconds ?? 10}s
${pool.servers.map((server, position) => `  server app${position + 1} ${server}`).join('\n')}`);
  const config = writeConfig(directory, 'haproxy.cfg', `
global
  maxconn 512
defaults
  mode http
  retries 1
  timeout connect 2s
  timeout client 10s
  timeout server 10s
${sections.join('\n')}
`);
  return startGateway('haproxy', ['-f', config, '-db'], directory, pools.map((pool) => pool.listenPort));
}
