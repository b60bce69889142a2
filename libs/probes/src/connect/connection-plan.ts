// Where a probe of a URL connects and what it tells the server, decided before any I/O.
import { parseConnectTo, withoutPassword } from '@hopwatch/domain';
import { isIP } from 'node:net';
import { ProbeFailure } from '../shared/probe-failure';

export type ConnectionPlan = {
  /** The URL's host name without IPv6 brackets: the Host header and SNI follow it. */
  hostname: string;
  port: number;
  /** The `connectTo` address dialled instead of resolving `hostname` (like `curl --resolve`), or null. */
  pinnedAddress: string | null;
  connectPort: number;
  /** TLS server name: the URL's host name, null for an IP literal (RFC 6066 allows names only). */
  servername: string | null;
  tls: boolean;
};

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

export function bareHostname(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function planConnection(url: URL, connectTo: string | null): ConnectionPlan {
  const hostname = bareHostname(url);
  const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port);
  if (!hostname || port === undefined) {
    throw new ProbeFailure('UNKNOWN', `cannot probe ${withoutPassword(url.href)}: it needs a host and a port`);
  }
  const pinned = connectTo === null ? null : parseConnectTo(connectTo);
  if (connectTo !== null && pinned === null) {
    throw new ProbeFailure('UNKNOWN', `invalid connectTo "${connectTo}": expected ip, ip:port or [ipv6]:port`);
  }
  return {
    hostname,
    port,
    pinnedAddress: pinned?.host ?? null,
    connectPort: pinned?.port ?? port,
    servername: isIP(hostname) ? null : hostname,
    tls: url.protocol === 'https:',
  };
}
