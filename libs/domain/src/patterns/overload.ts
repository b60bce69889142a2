// The overload signal: inner hops got slower around the time entry errors began, compared with their own baseline.
import type { DetectionOptions } from './detection-options';
import type { EntryOutcome } from './entry-outcome';
import { isGatewayError } from './region-state';

export type LatencyRise = { region: string; hop: string; baselineMs: number; recentMs: number };

export type OverloadSignal = {
  /** Hops whose latency rose, per region, in no particular hop order (the classifier knows the chain order). */
  rises: LatencyRise[];
  /** The slot of the first error of the current episode, per region. */
  onsetSlots: Record<string, number>;
};

export function detectOverload(outcomesByRegion: Record<string, EntryOutcome[]>, options: DetectionOptions): OverloadSignal | null {
  const rises: LatencyRise[] = [];
  const onsetSlots: Record<string, number> = {};
  for (const [region, outcomes] of Object.entries(outcomesByRegion)) {
    const ordered = [...outcomes].sort((a, b) => a.slot - b.slot);
    const onset = onsetIndex(ordered, options);
    if (onset === null) continue;
    const regionRises = latencyRises(region, ordered, onset, options);
    if (regionRises.length === 0) continue;
    rises.push(...regionRises);
    onsetSlots[region] = ordered[onset].slot;
  }
  return rises.length > 0 ? { rises, onsetSlots } : null;
}

// The first gateway error in the recent window: where this episode of errors began.
function onsetIndex(ordered: EntryOutcome[], options: DetectionOptions): number | null {
  const windowStart = Math.max(0, ordered.length - options.rateWindow);
  for (let index = windowStart; index < ordered.length; index++) {
    if (isGatewayError(ordered[index], options)) return index;
  }
  return null;
}

function latencyRises(region: string, ordered: EntryOutcome[], onset: number, options: DetectionOptions): LatencyRise[] {
  // Latency often climbs a check or two before the first error, so the check just before the onset counts as recent.
  const baseline = ordered.slice(0, Math.max(0, onset - 1)).filter((outcome) => outcome.ok);
  const recent = ordered.slice(Math.max(0, onset - 1));
  const hops = new Set(ordered.flatMap((outcome) => Object.keys(outcome.hopLatencyMs ?? {})));
  const rises: LatencyRise[] = [];
  for (const hop of hops) {
    const before = latencies(baseline, hop);
    const after = latencies(recent, hop);
    if (before.length < options.overloadMinBaselineSamples || after.length === 0) continue;
    const baselineMs = median(before);
    const recentMs = median(after);
    if (recentMs >= baselineMs * options.overloadLatencyFactor && recentMs - baselineMs >= options.overloadMinRiseMs) {
      rises.push({ region, hop, baselineMs, recentMs });
    }
  }
  return rises;
}

function latencies(outcomes: EntryOutcome[], hop: string): number[] {
  return outcomes.map((outcome) => outcome.hopLatencyMs?.[hop]).filter((value): value is number => typeof value === 'number');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
