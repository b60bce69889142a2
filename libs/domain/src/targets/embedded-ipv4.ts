// IPv6 forms that carry an IPv4 address and reach it through a translator or tunnel: they are judged by the
// IPv4 address inside, so ::ffff:169.254.169.254 or 64:ff9b::a9fe:a9fe is no way around the policy.
import ipaddr from 'ipaddr.js';

const NAT64_LOCAL_USE = ipaddr.parseCIDR('64:ff9b:1::/48');
/** Where RFC 6052 puts the four IPv4 bytes for each prefix length (byte 8, the "u" octet, is skipped). */
const RFC6052_POSITIONS: Record<number, number[]> = {
  48: [6, 7, 9, 10],
  56: [7, 9, 10, 11],
  64: [9, 10, 11, 12],
  96: [12, 13, 14, 15],
};

/** Every IPv4 address the IPv6 address embeds (several where the form is ambiguous), or none. */
export function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4[] {
  const bytes = ip.toByteArray();
  const at = (positions: number[], mask = 0) => new ipaddr.IPv4(positions.map((position) => bytes[position] ^ mask));
  const last32 = at([12, 13, 14, 15]);
  switch (ip.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d (SIIT)
    case 'rfc6052': // 64:ff9b::a.b.c.d (NAT64)
      return [last32];
    case '6to4': // 2002:AABB:CCDD::/48
      return [at([2, 3, 4, 5])];
    case 'teredo': // 2001:0:SERVER:flags:port:CLIENT, the client's address inverted
      return [at([4, 5, 6, 7]), at([12, 13, 14, 15], 0xff)];
  }
  if (ip.match(NAT64_LOCAL_USE)) return Object.values(RFC6052_POSITIONS).map((positions) => at(positions));
  // IPv4-compatible (::a.b.c.d, deprecated but still routed by some stacks); :: and ::1 are not.
  if (bytes.slice(0, 12).every((byte) => byte === 0) && !['unspecified', 'loopback'].includes(ip.range())) return [last32];
  return [];
}
