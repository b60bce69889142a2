// The response headers that say which layer answered (research 1.3): kept so the analyzer can name the
// gateway; everything else (cookies, caching minutiae, app headers) is dropped.

const REVEALING = new Set([
  'server',
  'via',
  'age',
  'content-type',
  'retry-after',
  'alt-svc',
  'proxy-status',
  'server-timing',
  'x-powered-by',
  'x-request-id',
  'x-cache',
  'x-cache-hits',
  'x-cache-status',
  'x-served-by',
  'x-timer',
  'x-varnish',
  'cf-ray',
  'cf-cache-status',
  'cf-error-type',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-amzn-errortype',
  'x-azure-ref',
  'x-msedge-ref',
  'akamai-grn',
  'x-fastly-request-id',
  'x-vercel-id',
  'x-vercel-cache',
  'x-vercel-error',
  'x-nf-request-id',
  'x-cloud-trace-context',
  'x-github-request-id',
]);

const REVEALING_PREFIXES = ['x-envoy-', 'x-akamai-', 'x-kong-', 'x-nginx-', 'x-haproxy-', 'x-traefik-', 'x-upstream-'];
const MAX_VALUE_LENGTH = 512;

export function isRevealingHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return REVEALING.has(lower) || REVEALING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Lower-cased names, repeated headers joined with `, `, values clipped to 512 characters. */
export function revealingHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !isRevealingHeader(name)) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    kept[name.toLowerCase()] = joined.slice(0, MAX_VALUE_LENGTH);
  }
  return kept;
}
