// Stored results back into the shape the domain reads: one run per (region, slot), oldest first.
import { CheckResultEntity } from '@hopwatch/db';
import { ObservedResult, ObservedRun } from '@hopwatch/domain';

export function toObservedResult(row: CheckResultEntity): ObservedResult {
  return {
    id: row.id,
    region: row.region,
    slot: row.slot.getTime() / 1000,
    target: row.target,
    kind: row.kind,
    ok: row.ok,
    startedAt: row.startedAt.toISOString(),
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    timings: { dnsMs: row.dnsMs, connectMs: row.connectMs, tlsMs: row.tlsMs, ttfbMs: row.ttfbMs, totalMs: row.totalMs },
    remoteAddress: row.remoteAddress,
    headers: row.headers,
    bodySnippet: row.bodySnippet,
    tls: row.tls,
    dns: row.dns,
  };
}

/** Runs per region, oldest first. Slots recorded as MISSED were never checked and carry no observation. */
export function runsByRegion(siteId: string, rows: CheckResultEntity[]): Map<string, ObservedRun[]> {
  const runs = new Map<string, Map<number, ObservedRun>>();
  for (const row of rows) {
    if (row.errorCode === 'MISSED') continue;
    const result = toObservedResult(row);
    const regionRuns = runs.get(row.region) ?? new Map<number, ObservedRun>();
    const run = regionRuns.get(result.slot) ?? { siteId, region: row.region, slot: result.slot, results: [], dnsDisagreement: false };
    run.results.push(result);
    run.dnsDisagreement ||= row.dns?.disagreement === true;
    regionRuns.set(result.slot, run);
    runs.set(row.region, regionRuns);
  }
  return new Map([...runs].map(([region, bySlot]) => [region, [...bySlot.values()].sort((a, b) => a.slot - b.slot)]));
}
