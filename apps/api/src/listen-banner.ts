import type { HopwatchConfig } from '@hopwatch/platform';

/** The banner lines that say who can reach the API and whether /metrics asks for a key. */
export function exposureLines(config: HopwatchConfig): string[] {
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const listening = everywhere ? `every interface (HOST=${config.host}); set HOST=127.0.0.1 to keep it local` : `HOST=${config.host}`;
  const metrics = config.metricsPublic
    ? `/metrics needs no API key${everywhere ? ' and is reachable from the network (HOPWATCH_METRICS_PUBLIC=true)' : ''}`
    : '/metrics needs an API key (HOPWATCH_METRICS_PUBLIC=true opens it)';
  return [`  listening on ${listening}`, `  ${metrics}`];
}
