// Push monitors have no chain to reason about: the judge's verdict on the pings is the diagnosis.
import type { ClassifyContext } from '../classify-context';
import type { Finding } from '../finding';
import { evidenceOf } from '../finding-tools';

export function heartbeatFinding(context: ClassifyContext): Finding | null {
  const view = context.failing.find((failing) => failing.entry.kind === 'push');
  if (!view) return null;
  const failed = view.entry.errorCode === 'PING_FAILED';
  return {
    cause: failed ? 'job_failed' : 'heartbeat_missed',
    failingHop: 'entry',
    reportedBy: null,
    gateway: 'unknown',
    confidence: 0.99,
    proxyStatus: null,
    failure: null,
    evidence: [evidenceOf(view.entry)],
    regions: [view.region],
    hints: [],
    facts: { heartbeat: view.entry.errorMessage },
  };
}
