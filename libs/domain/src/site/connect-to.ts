import ipaddr from 'ipaddr.js';

export type ConnectTo = { host: string; port: number | null };

/** Parses a hop's `connectTo`: `ip`, `ip:port`, `[ipv6]` or `[ipv6]:port` (no names: the point is to pin an address). */
export function parseConnectTo(value: string): ConnectTo | null {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return build(bracketed[1], bracketed[2], 6);
  // The IPv4 form first: ipaddr's IPv6 check costs tens of microseconds on `ip:port`, and probes parse per run.
  // Nothing `host` or `host:port` without other colons is a valid bare IPv6 address.
  const v4 = /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
  if (v4) return build(v4[1], v4[2], 4);
  return ipaddr.IPv6.isValid(value) ? { host: value, port: null } : null;
}

function build(host: string, port: string | undefined, family: 4 | 6): ConnectTo | null {
  const valid = family === 4 ? ipaddr.IPv4.isValidFourPartDecimal(host) : ipaddr.IPv6.isValid(host);
  if (!valid) return null;
  if (port === undefined) return { host, port: null };
  const portNumber = Number(port);
  return portNumber >= 1 && portNumber <= 65_535 ? { host, port: portNumber } : null;
}
