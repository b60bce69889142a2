// The entry fails from some regions while others get through, and nothing behind the failing hop is broken:
// something filters by source address (firewall, WAF, rate limit, geo rules), as in the seeds' VPN case.
import { ENTRY_TARGET } from '../../site/site';
import type { ClassifyContext, RunView } from '../classify-context';
import { failureKindOf, isHealthy, TRANSPORT_FAILURES } from '../failure-kind';
import type { Finding } from '../finding';
import { chainEvidence, evidenceOf } from '../finding-tools';

export function edgeFilteringFinding(context: ClassifyContext): Finding | null {
  const { failingRegions, healthyRegions } = regionSplit(context);
  if (failingRegions.length === 0 || healthyRegions.length === 0) return null;
  const failingViews = context.failing.filter((view) => failingRegions.includes(view.region));
  const healthyViews = context.latest.filter((view) => healthyRegions.includes(view.region));
  const filteredAt = failingViews.map((view) => filteredHop(view, healthyViews));
  if (failingViews.length === 0 || filteredAt.some((hop) => hop === null)) return null;
  const lead = failingViews[0];
  const hop = filteredAt[0]!;
  const innerHopsChecked = context.order.length > 1 && context.order.slice(1).every((target) => lead.result(target) !== null);
  const answeredHttp = lead.result(hop)?.status !== null;
  return {
    cause: 'edge_filtering',
    failingHop: hop,
    reportedBy: answeredHttp ? lead.attribution.reportedBy : null,
    gateway: answeredHttp ? lead.attribution.entryFingerprint.gateway : 'unknown',
    confidence: innerHopsChecked ? 0.85 : 0.7,
    proxyStatus: answeredHttp ? 'http_request_denied' : 'destination_ip_prohibited',
    failure: lead.attribution.failure,
    evidence: [
      ...failingViews.flatMap((view) => chainEvidence(view)),
      ...failingViews.flatMap((view) => healthyInnerEvidence(view, context)),
      ...healthyViews.map((view) => evidenceOf(view.entry, 'meanwhile ')),
    ],
    regions: failingRegions,
    hints: [],
    facts: { status: lead.entry.status, errorCode: lead.result(hop)?.errorCode ?? null, failingRegions, healthyRegions },
  };
}

function regionSplit(context: ClassifyContext): { failingRegions: string[]; healthyRegions: string[] } {
  if (context.pattern && context.pattern.affectedRegions.length > 0) {
    return { failingRegions: context.pattern.affectedRegions, healthyRegions: context.pattern.healthyRegions };
  }
  return {
    failingRegions: context.latest.filter((view) => !isHealthy(view.entry)).map((view) => view.region),
    healthyRegions: context.latest.filter((view) => isHealthy(view.entry)).map((view) => view.region),
  };
}

// The entry, when every hop behind it answers from the failing region; or an inner hop that fails at the
// connection (or answers 403/429) from here while it answers from a healthy region.
function filteredHop(view: RunView, healthyViews: RunView[]): string | null {
  const { failingHop } = view.attribution;
  if (failingHop === ENTRY_TARGET) return ENTRY_TARGET;
  if (!failingHop) return null;
  const result = view.result(failingHop)!;
  const kind = failureKindOf(result);
  const blocked = (kind !== null && TRANSPORT_FAILURES.includes(kind)) || result.status === 403 || result.status === 429;
  const fineElsewhere = healthyViews.some((healthy) => isHealthy(healthy.result(failingHop)));
  return blocked && fineElsewhere ? failingHop : null;
}

function healthyInnerEvidence(view: RunView, context: ClassifyContext): Finding['evidence'] {
  return context.order
    .slice(1)
    .map((target) => view.result(target))
    .filter((result): result is NonNullable<typeof result> => result !== null && result.ok)
    .map((result) => evidenceOf(result, `from ${view.region}, checked directly: `));
}
