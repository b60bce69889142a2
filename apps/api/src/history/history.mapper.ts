import { IncidentInRange } from '@hopwatch/db';
import { latencySummary, uptimePercent, UptimeTotals } from '@hopwatch/domain';
import { IncidentInRangeResponse, UptimeFiguresResponse } from './dto/uptime.response';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export const isoSeconds = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

export function toFigures(totals: UptimeTotals): UptimeFiguresResponse {
  const percent = uptimePercent(totals);
  const latency = latencySummary(totals);
  return {
    uptimePercent: percent === null ? null : round(percent, 3),
    checks: totals.checks,
    up: totals.up,
    failed: totals.failed,
    missed: totals.missed,
    count502: totals.status502,
    count503: totals.status503,
    count504: totals.status504,
    count5xx: totals.status5xx,
    timeouts: totals.timeouts,
    downtimeSeconds: totals.downtimeSeconds,
    latencyMs: latency && {
      avg: round(latency.avgMs, 1),
      p50: round(latency.p50Ms, 1),
      p95: round(latency.p95Ms, 1),
      p99: round(latency.p99Ms, 1),
    },
    statusCounts: totals.statusCounts,
  };
}

export function toIncidentInRange(incident: IncidentInRange): IncidentInRangeResponse {
  return {
    id: incident.id,
    status: incident.status,
    pattern: incident.pattern,
    cause: incident.cause,
    summary: incident.summary,
    startedAt: incident.startedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
  };
}
