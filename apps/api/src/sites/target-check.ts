// Registration-time half of the target policy: a literal address that probes would refuse is rejected now,
// whether it is a URL's host, a pinned connectTo or a DNS resolver. Names are judged by the probes when they
// resolve, so DNS rebinding cannot slip past.
import { literalAddress, parseConnectTo, TargetPolicy } from '@hopwatch/domain';
import { HopDto } from './dto/hop.dto';

type Targets = { url?: string; hops?: HopDto[]; dns?: { resolvers?: string[] } };

export function deniedTargets(site: Targets, policy: TargetPolicy): string[] {
  const problems: string[] = [];
  const judge = (field: string, address: string | null) => {
    if (address === null) return;
    const verdict = policy.check(address);
    if (!verdict.allowed) problems.push(`${field} is not allowed: ${verdict.reason}`);
  };
  if (site.url) judge('url', literalAddress(new URL(site.url).hostname));
  site.hops?.forEach((hop, index) => {
    judge(`hops.${index}.url`, literalAddress(new URL(hop.url).hostname));
    if (hop.connectTo) judge(`hops.${index}.connectTo`, parseConnectTo(hop.connectTo)?.host ?? null);
    hop.backends?.forEach((backend, position) => judge(`hops.${index}.backends.${position}.address`, parseConnectTo(backend.address)?.host ?? null));
  });
  site.dns?.resolvers?.forEach((resolver, index) => {
    if (resolver !== 'system') judge(`dns.resolvers.${index}`, parseConnectTo(resolver)?.host ?? null);
  });
  return problems;
}
