// Between the domain's incident state and the incidents table.
import { resolutionSentence } from '@hopwatch/alerting';
import { IncidentEntity, IncidentFields, IncidentWrite, NO_MEMBERS, RootMembers } from '@hopwatch/db';
import { chooseRoot, IncidentChange, IncidentEventType, IncidentState, IncidentTransition } from '@hopwatch/domain';

export function toIncidentState(entity: IncidentEntity): IncidentState {
  return {
    status: entity.status,
    startedAt: entity.startedAt,
    confirmedAt: entity.confirmedAt ?? entity.startedAt,
    resolvedAt: entity.resolvedAt,
    pattern: entity.pattern,
    regions: entity.regions,
    diagnosis: entity.diagnosis,
    failureRate: entity.failureRate,
    window: entity.observedWindow,
    flips: (entity.state.flips ?? []).map((flip) => new Date(flip)),
    flapping: entity.flapping,
    heldOpen: entity.state.heldOpen ?? false,
    awaitingMembers: entity.state.awaitingMembers ?? false,
  };
}

function toFields(state: IncidentState, counts: IncidentFields['counts'], sharedHopKeys: string[], now: Date): IncidentFields {
  return {
    status: state.status,
    pattern: state.pattern,
    flapping: state.flapping,
    regions: state.regions,
    startedAt: state.startedAt,
    confirmedAt: state.confirmedAt,
    failureRate: state.failureRate,
    observedWindow: state.window,
    resolvedAt: state.resolvedAt,
    updatedAt: now,
    cause: state.diagnosis.cause,
    failingHop: state.diagnosis.failingHop,
    reportedBy: state.diagnosis.reportedBy,
    gateway: state.diagnosis.gateway,
    confidence: state.diagnosis.confidence,
    diagnosis: state.diagnosis,
    counts,
    sharedHopKeys,
    state: { flips: state.flips.map((flip) => flip.toISOString()), heldOpen: state.heldOpen, awaitingMembers: state.awaitingMembers },
  };
}

/** Turns a transition into rows to write; null when nothing is worth writing. */
export function toIncidentWrite(
  transition: IncidentTransition,
  latest: IncidentEntity | null,
  counts: IncidentFields['counts'],
  now: Date,
  sharedHopKeys: string[] = [],
  members: RootMembers = NO_MEMBERS,
): IncidentWrite | null {
  const write = incidentWrite(transition, latest, toFieldsOf(transition, counts, sharedHopKeys, now), members);
  // a member of a root incident tells nobody itself: its root speaks for every site failing at the shared hop. A new
  // incident of the same site is no member (yet): it joins a root when it opens, or speaks for itself.
  if (write && latest?.rootIncidentId && write.incidentId === latest.id) return { ...write, events: [] };
  return write;
}

function toFieldsOf(transition: IncidentTransition, counts: IncidentFields['counts'], sharedHopKeys: string[], now: Date): IncidentFields | null {
  return transition.incident ? toFields(transition.incident, counts, sharedHopKeys, now) : null;
}

function incidentWrite(transition: IncidentTransition, latest: IncidentEntity | null, fields: IncidentFields | null, members: RootMembers): IncidentWrite | null {
  if (!transition.incident || !fields) return null;
  const state = transition.incident;
  if (transition.kind === 'none') return latest && figuresMoved(state, latest) ? { incidentId: latest.id, fields, timeline: [], events: [] } : null;
  const summary = state.diagnosis.summary;
  switch (transition.kind) {
    case 'open':
      return {
        incidentId: null,
        fields,
        timeline: [{ kind: 'opened', message: summary, detail: diagnosisDetail(state) }],
        events: ['incident.opened'],
        joinRoot: (candidates) => chooseRoot({ cause: state.diagnosis.cause, keys: fields.sharedHopKeys }, candidates),
      };
    case 'resolve':
      return { incidentId: latest!.id, fields, timeline: [{ kind: 'resolved', message: resolvedMessage(state, members), detail: {} }], events: ['incident.resolved'] };
    case 'await-members':
      return { incidentId: latest!.id, fields, timeline: [{ kind: 'updated', message: awaitingMessage(members), detail: { openMembers: members.open } }], events: [] };
    case 'update':
    case 'hold-open-flapping':
    case 'reopen':
      return {
        incidentId: latest!.id,
        fields,
        timeline: [{ kind: TIMELINE_KIND[transition.kind], message: describeChanges(transition.changes, summary), detail: { changes: transition.changes } }],
        events: eventsFor(transition.notify),
      };
  }
}

// An open incident's failure rate moves with every run without being news: store it, tell nobody.
function figuresMoved(state: IncidentState, latest: IncidentEntity): boolean {
  const [now, stored] = [state.failureRate, latest.failureRate];
  return state.status === 'open' && (now?.failures !== stored?.failures || now?.checks !== stored?.checks);
}

function resolvedMessage(state: IncidentState, members: RootMembers): string {
  const { diagnosis, pattern } = state;
  return resolutionSentence({ diagnosis, pattern, startedAt: state.startedAt.toISOString(), resolvedAt: state.resolvedAt?.toISOString() ?? null, sitesAffected: 1 + members.sites });
}

function awaitingMessage(members: RootMembers): string {
  const sites = `${members.open} other site${members.open === 1 ? '' : 's'}`;
  return `This site recovered, but ${sites} still fail${members.open === 1 ? 's' : ''} at the shared hop: the root incident stays open until the last of them recovers.`;
}

const TIMELINE_KIND = { update: 'updated', 'hold-open-flapping': 'flapping', reopen: 'reopened' } as const;

function eventsFor(notify: boolean): IncidentEventType[] {
  return notify ? ['incident.updated'] : [];
}

function diagnosisDetail(state: IncidentState): Record<string, unknown> {
  const { cause, failingHop, reportedBy, gateway, confidence } = state.diagnosis;
  return { cause, failingHop, reportedBy, gateway, confidence, pattern: state.pattern, regions: state.regions, failureRate: state.failureRate };
}

export function describeChanges(changes: IncidentChange[], summary: string): string {
  if (changes.length === 0) return `Failing again. ${summary}`;
  const parts = changes.map((change) => {
    if (change.field === 'regions') return `now also failing in ${change.added.join(', ')}`;
    if (change.field === 'flapping') return change.to ? 'flapping: held open instead of alerting on every flip' : 'no longer flapping';
    return `${change.field} ${change.from ?? 'none'} → ${change.to ?? 'none'}`;
  });
  return `${parts.join('; ')}. ${summary}`;
}
