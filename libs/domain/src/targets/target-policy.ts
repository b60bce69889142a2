// Which addresses probes and webhooks may connect to (DESIGN §6): user-supplied targets must not
// reach the monitor's own host or cloud metadata unless an operator allows it explicitly.
import ipaddr from 'ipaddr.js';
import { embeddedIpv4 } from './embedded-ipv4';
import { METADATA_ENDPOINTS } from './metadata-endpoints';

export type TargetPolicyOptions = { allow: string[]; deny: string[] };
export type TargetVerdict = { allowed: true } | { allowed: false; reason: string };
export type TargetPolicy = { check(address: string): TargetVerdict };

type Ip = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Ip, number];

const REMEMBERED_VERDICTS = 10_000;

export const DENIED_BY_DEFAULT: ReadonlySet<string> = new Set(['loopback', 'linkLocal', 'multicast', 'unspecified', 'broadcast']);

const METADATA = new Map(METADATA_ENDPOINTS.map(({ address, provider }) => [ipaddr.parse(address).toNormalizedString(), provider]));

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
  const namedExactly = new Set(allow.filter(([ip, bits]) => bits === fullLength(ip)).map(([ip]) => ip.toNormalizedString()));

  function judge(ip: Ip, shown: string): TargetVerdict {
    const provider = METADATA.get(ip.toNormalizedString());
    if (provider && !namedExactly.has(ip.toNormalizedString())) {
      return { allowed: false, reason: `${shown} is a cloud metadata endpoint (${provider}); allow it only by naming it exactly in HOPWATCH_TARGET_ALLOW` };
    }
    if (inAny(ip, deny)) return { allowed: false, reason: `${shown} is in HOPWATCH_TARGET_DENY` };
    if (ip instanceof ipaddr.IPv6) {
      const embedded = embeddedIpv4(ip);
      for (const inner of embedded) {
        const verdict = judge(inner, `${shown} (embedding ${inner.toString()})`);
        if (!verdict.allowed) return verdict;
      }
      if (embedded.length > 0) return { allowed: true };
    }
    if (inAny(ip, allow)) return { allowed: true };
    const range = ip.range();
    if (DENIED_BY_DEFAULT.has(range)) return { allowed: false, reason: `${shown} is a ${range} address (allow it with ${allowSetting(ip)})` };
    return { allowed: true };
  }

  // Every probe asks about the address it dials, and a fleet dials few distinct ones: parsing each time showed
  // in the worker's profile, so verdicts are remembered (the policy never changes while the process lives).
  const verdicts = new Map<string, TargetVerdict>();
  return {
    check(address: string): TargetVerdict {
      let verdict = verdicts.get(address);
      if (verdict) return verdict;
      verdict = ipaddr.isValid(address) ? judge(ipaddr.parse(address), address) : { allowed: false, reason: `${address} is not an IP address` };
      if (verdicts.size >= REMEMBERED_VERDICTS) verdicts.clear();
      verdicts.set(address, verdict);
      return verdict;
    },
  };
}

/** Literal IP hosts can be judged at registration; names are judged when they resolve. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (ipaddr.IPv6.isValid(bare) || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

/** The setting an operator would add to reach this one address, e.g. `HOPWATCH_TARGET_ALLOW=127.0.0.1/32`. */
function allowSetting(ip: Ip): string {
  return `HOPWATCH_TARGET_ALLOW=${ip.toString()}/${fullLength(ip)}`;
}

function fullLength(ip: Ip): number {
  return ip.kind() === 'ipv4' ? 32 : 128;
}

function inAny(ip: Ip, ranges: Cidr[]): boolean {
  return ranges.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits));
}
