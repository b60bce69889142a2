import { ProbeFailure } from '../shared/probe-failure';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The URL a redirect answer points to, or null when the answer is not a redirect. */
export function redirectTarget(status: number, location: string | undefined, current: URL): URL | null {
  if (!REDIRECT_STATUSES.has(status) || location === undefined || location === '') return null;
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new ProbeFailure('INVALID_RESPONSE', `redirect ${status} to an invalid location "${location.slice(0, 200)}"`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new ProbeFailure('INVALID_RESPONSE', `redirect ${status} to unsupported scheme ${next.protocol}`);
  }
  next.hash = '';
  return next;
}

/** Same scheme, host and port: a hop's `connectTo` and `hostHeader` apply only there (like `curl --resolve`). */
export function sameEndpoint(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.hostname === b.hostname && a.port === b.port;
}
