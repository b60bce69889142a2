import type { ProbeResult, TargetKind } from '@hopwatch/domain';
import { normaliseError } from './normalise-error';
import { startClock } from './probe-clock';
import { emptyTrace, toProbeResult } from './probe-trace';

/** The probes already turn failures into results; this catches the unforeseen so a run is never lost. */
export async function guarded(target: string, kind: TargetKind, probe: () => Promise<ProbeResult>): Promise<ProbeResult> {
  const clock = startClock();
  try {
    return await probe();
  } catch (error) {
    return toProbeResult({ target, kind, clock, trace: emptyTrace(), failure: normaliseError(error) });
  }
}
