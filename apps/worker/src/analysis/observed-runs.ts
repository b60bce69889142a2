// Results in the shape the domain reads: one run per (region, slot), oldest first.
import { CheckResultEntity, NewCheckResult, storedProbeResult } from '@hopwatch/db';
import { ObservedResult, ObservedRun } from '@hopwatch/domain';

/** The window's stored rows as observations. Slots recorded as MISSED were never checked and carry none. */
export function storedObservations(rows: CheckResultEntity[]): ObservedResult[] {
  return rows.filter((row) => row.errorCode !== 'MISSED').map(storedProbeResult);
}

/**
 * The run this worker just stored, as the analyzer would read it back, when every one of its results was
 * stored by this attempt (`ids` from the writer). Null otherwise: a retried job's earlier results are the
 * stored truth, so the analyzer then reads the whole window from the database.
 */
export function freshlyStoredRun(rows: NewCheckResult[], ids: Array<string | null>): ObservedRun | null {
  const [first] = rows;
  if (!first || ids.length !== rows.length || ids.some((id) => id === null)) return null;
  const results = rows.map((row, index): ObservedResult => ({
    id: ids[index] as string,
    region: row.region,
    slot: row.slot,
    target: row.target,
    kind: row.kind,
    ok: row.ok,
    startedAt: row.startedAt,
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    timings: row.timings,
    remoteAddress: row.remoteAddress,
    headers: row.headers,
    bodySnippet: row.bodySnippet,
    tls: row.tls,
    dns: row.dns,
  }));
  return { siteId: first.siteId, region: first.region, slot: first.slot, results, dnsDisagreement: results.some((result) => result.dns?.disagreement === true) };
}

/** The stored window with the fresh run added where the window's query (slot, then id) would have put it. */
export function withRun(window: ObservedResult[], run: ObservedRun | null): ObservedResult[] {
  if (!run) return window;
  const bySlotThenId = (a: ObservedResult, b: ObservedResult) => a.slot - b.slot || Number(BigInt(a.id) - BigInt(b.id));
  return [...window, ...run.results].sort(bySlotThenId);
}

/** Runs per region, oldest first. */
export function runsByRegion(siteId: string, results: ObservedResult[]): Map<string, ObservedRun[]> {
  const runs = new Map<string, Map<number, ObservedRun>>();
  for (const result of results) {
    const regionRuns = runs.get(result.region) ?? new Map<number, ObservedRun>();
    const run = regionRuns.get(result.slot) ?? { siteId, region: result.region, slot: result.slot, results: [], dnsDisagreement: false };
    run.results.push(result);
    run.dnsDisagreement ||= result.dns?.disagreement === true;
    regionRuns.set(result.slot, run);
    runs.set(result.region, regionRuns);
  }
  return new Map([...runs].map(([region, bySlot]) => [region, [...bySlot.values()].sort((a, b) => a.slot - b.slot)]));
}
