import type { ProbeResult } from '@hopwatch/domain';

/**
 * True when the DNS results of one run tell different stories: two resolvers answered with different
 * address sets, or some answered while others failed. Results that say nothing about DNS (a resolver
 * denied by policy or misconfigured) are left out.
 */
export function resolversDisagree(results: ProbeResult[]): boolean {
  const observed = results.filter((result) => result.dns !== null && result.errorCode !== 'TARGET_DENIED' && result.errorCode !== 'UNKNOWN');
  if (observed.length < 2) return false;
  const answered = observed.filter((result) => result.ok);
  if (answered.length > 0 && answered.length < observed.length) return true;
  const answerSets = new Set(answered.map((result) => [...(result.dns?.answers ?? [])].sort().join(',')));
  return answerSets.size > 1;
}
