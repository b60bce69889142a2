// One entry check as the pattern detector sees it, plus what the inner hops did in the same run.
import type { ErrorCode, ProbeResult } from '../results/check-result';
import { DNS_TARGET_PREFIX, ENTRY_TARGET } from '../site/site';

export type EntryOutcome = {
  /** The run's slot (epoch seconds); also its time. */
  slot: number;
  ok: boolean;
  status: number | null;
  errorCode: ErrorCode | null;
  /** Each inner hop's latency in the same run (its direct probe's totalMs), by hop name. */
  hopLatencyMs?: Record<string, number | null>;
  /** Each inner hop's error code in the same run, by hop name (null when it answered as expected). */
  hopErrorCodes?: Record<string, ErrorCode | null>;
  /** The entry result's id, for evidence. */
  resultId?: string;
};

/** The outcome of one run, or null when the run holds no entry result. */
export function entryOutcomeOf(run: { slot: number; results: Array<ProbeResult & { id?: string }> }): EntryOutcome | null {
  const entry = run.results.find((result) => result.target === ENTRY_TARGET);
  if (!entry) return null;
  const hops = run.results.filter((result) => result.target !== ENTRY_TARGET && !result.target.startsWith(DNS_TARGET_PREFIX));
  return {
    slot: run.slot,
    ok: entry.ok,
    status: entry.status,
    errorCode: entry.errorCode,
    hopLatencyMs: Object.fromEntries(hops.map((hop) => [hop.target, latencyOf(hop)])),
    hopErrorCodes: Object.fromEntries(hops.map((hop) => [hop.target, hop.ok ? null : hop.errorCode])),
    resultId: entry.id,
  };
}

// A hop that answered, or that kept the probe waiting until it gave up, has a latency worth comparing; a refused
// or reset connection says nothing about how loaded the hop is.
function latencyOf(hop: ProbeResult): number | null {
  if (hop.status !== null || hop.errorCode === 'ETIMEDOUT') return hop.timings.totalMs;
  return null;
}
