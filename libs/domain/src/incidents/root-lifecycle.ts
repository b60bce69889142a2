// A root incident speaks for every site failing at one shared hop, so it lasts as long as any of them fails: when
// its own site recovers first it waits for its members (incident-transition), and it ends with the last of them.
// A member failing again shortly after the root ended reopens the root instead of failing unheard.
import type { IncidentState } from './incident-state';
import type { IncidentTransition } from './incident-transition';

/** The last open member of a root recovered: a root already waiting for it resolves now. */
export function lastMemberRecovered(root: IncidentState, now: Date): IncidentTransition {
  if (root.status !== 'open' || !root.awaitingMembers) return { kind: 'none', incident: root, notify: false };
  const incident: IncidentState = { ...root, status: 'resolved', resolvedAt: now, awaitingMembers: false, heldOpen: false, flips: [...root.flips, now] };
  return { kind: 'resolve', incident, notify: true };
}

/**
 * A member opens again after its root resolved. While the root's resolved notice is still held back (its quiet
 * period), the root reopens, waiting for that member, and nobody hears a thing: the resolution is superseded. Once
 * the resolution was announced the member must speak for itself (null: detach it and let it notify).
 */
export function memberFailsAgain(root: IncidentState, resolutionAnnounced: boolean, now: Date): IncidentTransition | null {
  if (root.status === 'open') return { kind: 'none', incident: root, notify: false };
  if (resolutionAnnounced) return null;
  const incident: IncidentState = { ...root, status: 'open', resolvedAt: null, awaitingMembers: true, flips: [...root.flips, now] };
  return { kind: 'reopen', incident, changes: [], notify: false };
}
