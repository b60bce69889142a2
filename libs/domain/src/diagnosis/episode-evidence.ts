// Evidence that spans the episode: the first failed check, the observations that decided cause and hop, and the
// latest check, so a reader sees how it began and where it stands, not only the run that was classified.
import type { Diagnosis, Evidence } from './diagnosis';
import { describeResult } from './describe-result';
import type { ObservedResult } from './observed';
import { slotTime } from './wording';

export type EpisodeEnds = { first: ObservedResult | null; latest: ObservedResult | null };

export function withEpisodeEvidence(diagnosis: Diagnosis, ends: EpisodeEnds): Diagnosis {
  const cited = new Set(diagnosis.evidence.flatMap((item) => item.resultIds));
  const first = ends.first && !cited.has(ends.first.id) ? [line('first failed check', ends.first)] : [];
  const latest = ends.latest && ends.latest.id !== ends.first?.id && !cited.has(ends.latest.id) ? [line('latest check', ends.latest)] : [];
  return { ...diagnosis, evidence: [...first, ...diagnosis.evidence, ...latest] };
}

function line(label: string, result: ObservedResult): Evidence {
  return { observation: `${label}, ${slotTime(result.slot)}: ${describeResult(result)}`, resultIds: [result.id] };
}
