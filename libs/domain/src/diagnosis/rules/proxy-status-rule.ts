// A gateway that sends RFC 9209 Proxy-Status names its error itself: believe it, and let next-hop name the hop.
import type { ClassifyContext, RunView } from '../classify-context';
import { depthOf } from '../classify-context';
import type { Finding } from '../finding';
import { chainEvidence, gatewayOf } from '../finding-tools';
import { hopAddress, hopHostname, hopSpec } from '../observed';
import { CAUSE_FOR_PROXY_ERROR, proxyStatusError, type ProxyStatusMember } from '../proxy-status';

export function proxyStatusFinding(view: RunView, context: ClassifyContext): Finding | null {
  const member = proxyStatusError(view.entry.headers);
  if (!member || !member.error) return null;
  const cause = CAUSE_FOR_PROXY_ERROR[member.error];
  const { reportedBy, failingHop } = view.attribution;
  const named = nextHopTarget(member, context);
  const failing = cause === 'proxy_misconfigured' ? reportedBy : deeperOf(context, named, failingHop);
  const evidence = [
    { observation: `the entry's answer carries Proxy-Status "${view.entry.headers['proxy-status']}": ${member.name} reports ${member.error}${member.nextHop ? ` for next hop ${member.nextHop}` : ''}`, resultIds: [view.entry.id] },
    ...chainEvidence(view),
  ];
  return {
    cause,
    failingHop: failing,
    reportedBy,
    gateway: gatewayOf(view.attribution),
    confidence: named || cause === 'proxy_misconfigured' ? 0.95 : 0.9,
    proxyStatus: member.error,
    failure: view.attribution.failure,
    evidence,
    regions: [view.region],
    hints: [],
    facts: {
      status: view.entry.status,
      proxyStatusHeader: view.entry.headers['proxy-status'],
      gatewayDetail: member.details,
      upstreamUnmonitored: cause !== 'proxy_misconfigured' && failing === reportedBy,
    },
  };
}

// next-hop may be a name, an address or host:port; match it against each hop's name, host and address.
function nextHopTarget(member: ProxyStatusMember, context: ClassifyContext): string | null {
  if (!member.nextHop) return null;
  const wanted = member.nextHop.toLowerCase();
  const hop = context.layout.hops.find((candidate) => {
    const spec = hopSpec(context.layout, candidate.target)!;
    return [candidate.target, hopHostname(spec), hopAddress(spec)].some((name) => name.toLowerCase() === wanted);
  });
  return hop?.target ?? null;
}

function deeperOf(context: ClassifyContext, a: string | null, b: string | null): string | null {
  return depthOf(context, a) >= depthOf(context, b) ? a : b;
}
