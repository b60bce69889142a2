import { ChainRun, ENTRY_TARGET } from '@hopwatch/domain';
import { LiveEvent } from '@hopwatch/queue';
import type { IncidentChange } from '../analysis/analyzer.service';

/** The live events of one stored run: the run itself, then each change it made to the site's incident. */
export function liveEventsOf(run: ChainRun, change: IncidentChange | null): LiveEvent[] {
  const entry = run.results.find((result) => result.target === ENTRY_TARGET);
  const events: LiveEvent[] = [
    {
      type: 'check-run',
      data: {
        siteId: run.siteId,
        region: run.region,
        slot: new Date(run.slot * 1000).toISOString(),
        ok: entry?.ok ?? false,
        entryStatus: entry?.status ?? null,
        entryErrorCode: entry?.errorCode ?? null,
        totalMs: entry?.timings.totalMs ?? 0,
      },
    },
  ];
  if (!change) return events;
  const { incidentId, siteId, status } = change;
  return [...events, ...change.kinds.map((kind): LiveEvent => ({ type: 'incident', data: { incidentId, siteId, status, kind } }))];
}
