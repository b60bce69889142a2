// Notes that are not causes: a deploy window (a short refused/reset burst that recovered), the evidence line for
// the keep-alive race that the reporter rule recognised (sporadic 502s while the upstream answers fresh connections),
// and a backend far slower than its siblings that is not itself named as the failing hop.
import type { ClassifyContext } from '../classify-context';
import type { Finding } from '../finding';
import { slowBackendObservation, slowBackends } from '../slow-backend';

export function addHints(finding: Finding, context: ClassifyContext): Finding {
  const hints = new Set(finding.hints);
  const evidence = [...finding.evidence];
  for (const window of context.pattern?.deployWindows ?? []) {
    hints.add('deploy_window');
    evidence.push({
      observation: `${window.region}: a burst of ${window.checks} failed check(s) (${window.errorCodes.join(', ')}) from slot ${window.fromSlot} to ${window.toSlot}, then recovery: looks like a deploy or restart window`,
      resultIds: window.resultIds,
    });
  }
  if (hints.has('keepalive_race')) {
    evidence.push({
      observation: 'the errors are sporadic, come without a latency rise, and the hop behind the gateway answers fresh connections: the pattern of an upstream that closes idle kept-alive connections just as the gateway reuses them',
      resultIds: context.failing.map((view) => view.entry.id),
    });
  }
  for (const slow of slowBackends(context).filter((candidate) => candidate.target !== finding.failingHop)) {
    evidence.push({ observation: `also noticed: ${slowBackendObservation(slow)}`, resultIds: slow.resultIds });
  }
  return { ...finding, hints: [...hints], evidence };
}
