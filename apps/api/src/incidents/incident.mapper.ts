import { IncidentEntity, IncidentMember, IncidentTimelineEntity } from '@hopwatch/db';
import type { ObservedWindow } from '@hopwatch/domain';
import { IncidentResponse, ObservedWindowResponse, TimelineEntryResponse } from './dto/incident.response';

export function toIncidentResponse(incident: IncidentEntity, members: IncidentMember[] = [], now = new Date()): IncidentResponse {
  const end = incident.resolvedAt ?? now;
  const { cause, failingHop, reportedBy, gateway, confidence, summary, proxyStatus, evidence, nextSteps, hints } = incident.diagnosis;
  const checksFrom = new Date(incident.startedAt.getTime() - 10 * 60_000).toISOString();
  return {
    id: incident.id,
    siteId: incident.siteId,
    status: incident.status,
    pattern: incident.pattern,
    flapping: incident.flapping,
    inMaintenance: incident.inMaintenance,
    regions: incident.regions,
    startedAt: incident.startedAt.toISOString(),
    confirmedAt: (incident.confirmedAt ?? incident.startedAt).toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    durationSeconds: Math.max(0, Math.round((end.getTime() - incident.startedAt.getTime()) / 1000)),
    rootIncidentId: incident.rootIncidentId,
    members: members.map(({ incidentId, siteId, siteName, status }) => ({ incidentId, siteId, siteName, status })),
    failureRate: incident.failureRate,
    window: toWindow(incident.observedWindow),
    counts: { checks: incident.counts.checks ?? 0, failedChecks: incident.counts.failedChecks ?? 0 },
    diagnosis: { cause, failingHop, reportedBy, gateway, confidence, summary, proxyStatus, evidence, nextSteps, hints },
    links: {
      self: `/api/v1/incidents/${incident.id}`,
      site: `/api/v1/sites/${incident.siteId}`,
      checks: `/api/v1/sites/${incident.siteId}/checks?from=${encodeURIComponent(checksFrom)}`,
    },
  };
}

function toWindow(window: ObservedWindow | null): ObservedWindowResponse | null {
  if (!window) return null;
  return { from: new Date(window.fromSlot * 1000).toISOString(), to: new Date(window.toSlot * 1000).toISOString(), checks: window.checks };
}

export function toTimelineEntry(entry: IncidentTimelineEntity): TimelineEntryResponse {
  return { at: entry.at.toISOString(), kind: entry.kind, message: entry.message, detail: entry.detail };
}
