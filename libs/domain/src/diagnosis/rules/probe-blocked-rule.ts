// The entry failed without being checked: the target policy denied the address, or the worker could not use its
// source address. Nothing is known about the site, and saying "every run passed" would be wrong.
import type { ClassifyContext } from '../classify-context';
import { failureKindOf } from '../failure-kind';
import type { Finding } from '../finding';
import { evidenceOf } from '../finding-tools';

export function probeBlockedFinding(context: ClassifyContext): Finding | null {
  const blocked = context.latest.filter((view) => !view.entry.ok && failureKindOf(view.entry) === 'not_probed' && view.entry.errorCode !== 'MISSED');
  if (blocked.length === 0) return null;
  const entry = blocked[0].entry;
  return {
    cause: 'probe_blocked',
    failingHop: entry.target,
    reportedBy: null,
    gateway: 'unknown',
    confidence: 0.95,
    proxyStatus: entry.errorCode === 'TARGET_DENIED' ? 'destination_ip_prohibited' : null,
    failure: 'not_probed',
    evidence: blocked.map((view) => evidenceOf(view.entry)),
    regions: [...new Set(blocked.map((view) => view.region))].sort(),
    hints: [],
    facts: { errorCode: entry.errorCode, errorMessage: entry.errorMessage },
  };
}
