// Stored results back into the shape the domain reads: one run per (region, slot), oldest first.
import { CheckResultEntity, storedProbeResult } from '@hopwatch/db';
import { ObservedRun } from '@hopwatch/domain';

/** Runs per region, oldest first. Slots recorded as MISSED were never checked and carry no observation. */
export function runsByRegion(siteId: string, rows: CheckResultEntity[]): Map<string, ObservedRun[]> {
  const runs = new Map<string, Map<number, ObservedRun>>();
  for (const row of rows) {
    if (row.errorCode === 'MISSED') continue;
    const result = storedProbeResult(row);
    const regionRuns = runs.get(row.region) ?? new Map<number, ObservedRun>();
    const run = regionRuns.get(result.slot) ?? { siteId, region: row.region, slot: result.slot, results: [], dnsDisagreement: false };
    run.results.push(result);
    run.dnsDisagreement ||= row.dns?.disagreement === true;
    regionRuns.set(result.slot, run);
    runs.set(row.region, regionRuns);
  }
  return new Map([...runs].map(([region, bySlot]) => [region, [...bySlot.values()].sort((a, b) => a.slot - b.slot)]));
}
