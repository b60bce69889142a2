// Which addresses probes and webhooks may connect to (DESIGN §6): user-supplied targets must not
// reach the monitor's own host or cloud metadata unless an operator allows it explicitly.
import ipaddr from 'ipaddr.js';

export type TargetPolicyOptions = { allow: string[]; deny: string[] };
export type TargetVerdict = { allowed: true } | { allowed: false; reason: string };
export type TargetPolicy = { check(address: string): TargetVerdict };

const DENIED_BY_DEFAULT = new Set(['loopback', 'linkLocal', 'multicast', 'unspecified', 'broadcast']);

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export function parseCidrList(list: string[]): Cidr[] {
  return list.map((entry) => {
    const text = entry.includes('/') ? entry : `${entry}/${ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128}`;
    return ipaddr.parseCIDR(text);
  });
}

export function isValidCidr(entry: string): boolean {
  try {
    parseCidrList([entry]);
    return true;
  } catch {
    return false;
  }
}

export function createTargetPolicy(options: TargetPolicyOptions): TargetPolicy {
  const allow = parseCidrList(options.allow);
  const deny = parseCidrList(options.deny);
  return {
    check(address: string): TargetVerdict {
      if (!ipaddr.isValid(address)) return { allowed: false, reason: `${address} is not an IP address` };
      const ip = normalise(ipaddr.parse(address));
      if (inAny(ip, deny)) return { allowed: false, reason: `${address} is in HOPWATCH_TARGET_DENY` };
      if (inAny(ip, allow)) return { allowed: true };
      const range = ip.range();
      if (DENIED_BY_DEFAULT.has(range)) return { allowed: false, reason: `${address} is a ${range} address (allow it with ${allowSetting(ip)})` };
      return { allowed: true };
    },
  };
}

/** Literal IP hosts can be judged at registration; names are judged when they resolve. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (ipaddr.IPv6.isValid(bare) || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

/** The setting an operator would add to reach this one address, e.g. `HOPWATCH_TARGET_ALLOW=127.0.0.1/32`. */
function allowSetting(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  return `HOPWATCH_TARGET_ALLOW=${ip.toString()}/${ip.kind() === 'ipv4' ? 32 : 128}`;
}

function normalise(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip instanceof ipaddr.IPv6 && ip.isIPv4MappedAddress() ? ip.toIPv4Address() : ip;
}

function inAny(ip: ipaddr.IPv4 | ipaddr.IPv6, ranges: Cidr[]): boolean {
  return ranges.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits));
}
