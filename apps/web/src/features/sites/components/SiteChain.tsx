import { ChainNode, HopChain } from '../../../components/HopChain';
import type { CheckResult, Incident, Site } from '../../../lib/types';

/** The chain with each target's newest result (entry first, then the hops outermost first). */
export function chainNodes(site: Site, results: CheckResult[]): ChainNode[] {
  const newest = new Map<string, CheckResult>();
  for (const result of results) if (!newest.has(result.target)) newest.set(result.target, result);
  const node = (name: string, role: string): ChainNode => {
    const result = newest.get(name);
    return {
      name, role,
      ok: result ? result.ok : null,
      status: result?.status ?? null,
      errorCode: result?.errorCode ?? null,
      totalMs: result?.timings.totalMs ?? null,
      gateway: result?.gateway ?? null,
    };
  };
  return [node('entry', 'entry'), ...site.hops.map((hop) => node(hop.name, hop.role))];
}

export function SiteChain({ site, results, incident }: { site: Site; results: CheckResult[]; incident: Incident | null }) {
  return (
    <section aria-labelledby="chain-heading">
      <h2 id="chain-heading">Chain</h2>
      <HopChain nodes={chainNodes(site, results)} failingHop={incident?.diagnosis.failingHop} reportedBy={incident?.diagnosis.reportedBy} />
      {incident && <p className="notice error" style={{ marginTop: 12 }}>Open incident: {incident.diagnosis.summary}</p>}
    </section>
  );
}
