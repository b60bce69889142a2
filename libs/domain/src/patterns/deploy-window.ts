// The deploy-window hint: a short burst of refused or reset connections that has already recovered, the way a
// restart or rolling deploy looks from outside. A hint for people, never a cause of its own.
import type { ErrorCode } from '../results/check-result';
import type { DetectionOptions } from './detection-options';
import type { EntryOutcome } from './entry-outcome';

export type DeployWindowHint = { region: string; fromSlot: number; toSlot: number; checks: number; errorCodes: ErrorCode[]; resultIds: string[] };

const RESTART_CODES: readonly ErrorCode[] = ['ECONNREFUSED', 'ECONNRESET'];

export function detectDeployWindow(region: string, outcomes: EntryOutcome[], options: DetectionOptions): DeployWindowHint | null {
  const ordered = [...outcomes].sort((a, b) => a.slot - b.slot);
  const burst = lastFailureStreak(ordered);
  if (!burst) return null;
  const { start, end } = burst;
  const recovered = end < ordered.length - 1;
  const sawItStart = start > 0;
  const failures = ordered.slice(start, end + 1);
  const short = failures.length <= options.deployWindowMaxChecks && ordered[end].slot - ordered[start].slot <= options.deployWindowMaxSeconds;
  const codes = failures.map(restartCodeOf);
  if (!recovered || !sawItStart || !short || codes.some((code) => code === null)) return null;
  return {
    region,
    fromSlot: ordered[start].slot,
    toSlot: ordered[end].slot,
    checks: failures.length,
    errorCodes: [...new Set(codes as ErrorCode[])],
    resultIds: failures.map((outcome) => outcome.resultId).filter((id): id is string => id !== undefined),
  };
}

function lastFailureStreak(ordered: EntryOutcome[]): { start: number; end: number } | null {
  let end = ordered.length - 1;
  while (end >= 0 && ordered[end].ok) end--;
  if (end < 0) return null;
  let start = end;
  while (start > 0 && !ordered[start - 1].ok) start--;
  return { start, end };
}

// The entry itself refused/reset, or a gateway answered 502/503 while an inner hop refused/reset in the same run.
function restartCodeOf(outcome: EntryOutcome): ErrorCode | null {
  if (outcome.errorCode && RESTART_CODES.includes(outcome.errorCode)) return outcome.errorCode;
  if (outcome.status !== 502 && outcome.status !== 503) return null;
  const inner = Object.values(outcome.hopErrorCodes ?? {}).find((code) => code !== null && RESTART_CODES.includes(code));
  return inner ?? null;
}
