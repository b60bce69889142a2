// Which incident events become notices (DESIGN §5, "never a storm"): one opened and one resolved notice per
// incident, an update at most every few minutes, one notice that an incident flaps, nothing during maintenance.

export type IncidentEventType = 'incident.opened' | 'incident.updated' | 'incident.resolved';
export type NoticeKind = 'opened' | 'updated' | 'flapping' | 'resolved';

/**
 * What was already said about the incident. `openedAt`: when its opened notice was decided on. Notices show the
 * incident as it is when they are sent, so a change made before then is already in the opened notice.
 */
export type NoticeHistory = { opened: boolean; flapping: boolean; lastUpdateAt: Date | null; openedAt?: Date | null };

export type AlertPolicyOptions = {
  /** At most one `updated` notice per incident in this time. */
  updateIntervalMs: number;
  /** A resolution is announced only after it has held this long (a relapse within it reopens the incident). */
  resolveQuietMs: number;
};

export const DEFAULT_ALERT_POLICY: AlertPolicyOptions = { updateIntervalMs: 5 * 60_000, resolveQuietMs: 2 * 60_000 };

export type NoticeInput = {
  type: IncidentEventType;
  eventAt: Date;
  incident: { status: 'open' | 'resolved'; flapping: boolean };
  inMaintenance: boolean;
  history: NoticeHistory;
  now: Date;
  options?: AlertPolicyOptions;
};

export type NoticeDecision =
  | { action: 'notify'; notice: NoticeKind }
  | { action: 'mute' }
  | { action: 'suppress'; reason: string }
  | { action: 'supersede'; reason: string }
  | { action: 'wait' };

export function decideNotice(input: NoticeInput): NoticeDecision {
  const options = input.options ?? DEFAULT_ALERT_POLICY;
  if (input.type === 'incident.resolved' && input.now.getTime() - input.eventAt.getTime() < options.resolveQuietMs) return { action: 'wait' };
  if (input.inMaintenance) return { action: 'mute' };
  switch (input.type) {
    case 'incident.opened':
      return { action: 'notify', notice: 'opened' };
    case 'incident.resolved':
      if (input.incident.status === 'open') return { action: 'supersede', reason: 'the incident reopened before its resolution held' };
      if (!input.history.opened) return { action: 'suppress', reason: 'its opening was never announced' };
      return { action: 'notify', notice: 'resolved' };
    case 'incident.updated':
      return decideUpdate(input, options);
  }
}

function decideUpdate(input: NoticeInput, options: AlertPolicyOptions): NoticeDecision {
  if (input.incident.status !== 'open') return { action: 'supersede', reason: 'the incident is no longer open' };
  if (!input.history.opened) return { action: 'suppress', reason: 'its opening was never announced' };
  if (input.incident.flapping) {
    return input.history.flapping ? { action: 'suppress', reason: 'flapping was already announced' } : { action: 'notify', notice: 'flapping' };
  }
  const openedAt = input.history.openedAt;
  if (openedAt && input.eventAt.getTime() <= openedAt.getTime()) return { action: 'suppress', reason: 'the opened notice, sent after this change, already tells it' };
  const last = input.history.lastUpdateAt;
  if (last && input.now.getTime() - last.getTime() < options.updateIntervalMs) return { action: 'suppress', reason: 'an update went out less than the update interval ago' };
  return { action: 'notify', notice: 'updated' };
}

export type MaintenanceWindow = { siteIds: string[]; tags: string[]; startsAt: Date; endsAt: Date };

export function windowCovers(window: MaintenanceWindow, site: { id: string; tags: string[] }, at: Date): boolean {
  const inTime = at.getTime() >= window.startsAt.getTime() && at.getTime() < window.endsAt.getTime();
  return inTime && (window.siteIds.includes(site.id) || window.tags.some((tag) => site.tags.includes(tag)));
}
