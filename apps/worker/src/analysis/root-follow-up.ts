// A member's change that its root must hear of, in the member's transaction: the last member recovering ends a root
// that was waiting for it; a member failing again after its root ended reopens the root, or speaks for itself.
import { AnalysisRepository, IncidentEntity, IncidentWrite, Transaction } from '@hopwatch/db';
import { lastMemberRecovered, memberFailsAgain } from '@hopwatch/domain';
import { toIncidentState, toIncidentWrite } from './incident-mapping';

export type MemberChange = { member: IncidentEntity; write: IncidentWrite; now: Date };

export async function followRoot(analysis: AnalysisRepository, tx: Transaction, { member, write, now }: MemberChange): Promise<void> {
  // a new incident of the member's site is no longer the member: it found its own root, or none, when it opened
  if (!member.rootIncidentId || write.incidentId !== member.id) return;
  const recovered = member.status === 'open' && write.fields.status === 'resolved';
  const failsAgain = member.status === 'resolved' && write.fields.status === 'open';
  if (!recovered && !failsAgain) return;
  const root = await analysis.lockedRoot(tx, member.rootIncidentId);
  if (!root) return;
  const members = await analysis.members(tx, root.id);
  const state = toIncidentState(root);
  if (recovered) {
    if (members.open > 0) return;
    // members resolving at once commit in lock order, not in the order of their clocks: end with the latest of them
    const endedAt = members.lastResolvedAt && members.lastResolvedAt > now ? members.lastResolvedAt : now;
    await persistRoot(analysis, tx, root, toIncidentWrite(lastMemberRecovered(state, endedAt), root, root.counts, endedAt, root.sharedHopKeys, members));
    return;
  }
  const transition = memberFailsAgain(state, await analysis.resolutionAnnounced(tx, root.id), now);
  if (!transition) return analysis.detachMember(tx, member.id, member.siteId);
  if (transition.kind !== 'reopen') return;
  const reopened = toIncidentWrite(transition, root, root.counts, now, root.sharedHopKeys, members);
  const timeline = [{ kind: 'reopened' as const, message: 'A member site fails again at the shared hop before the resolution was announced: the root incident is open again.', detail: { memberIncidentId: member.id } }];
  await persistRoot(analysis, tx, root, reopened && { ...reopened, timeline });
}

async function persistRoot(analysis: AnalysisRepository, tx: Transaction, root: IncidentEntity, write: IncidentWrite | null): Promise<void> {
  if (write) await analysis.persist(tx, root.siteId, write);
}
