import { CheckResultEntity, storedProbeResult } from '@hopwatch/db';
import { checkState, ProbeResult } from '@hopwatch/domain';
import { isInstant } from '../common/validators';
import { CheckResultResponse } from './dto/check-result.response';

const MAX_BIGINT = 2n ** 63n - 1n;

export function toCheckResultResponse(row: CheckResultEntity): CheckResultResponse {
  const { id, slot, region, ...result } = storedProbeResult(row);
  return { ...probeToResponse(result, region, slot), id, gateway: row.gateway };
}

export function probeToResponse(result: ProbeResult, region: string, slot: number): CheckResultResponse {
  return { ...result, state: checkState(result), region, slot: new Date(slot * 1000).toISOString(), gateway: null };
}

/** Cursors are opaque to callers: the (slot, id) of the last row served. */
export function encodeCursor(row: CheckResultEntity): string {
  return Buffer.from(`${row.slot.toISOString()}|${row.id}`).toString('base64url');
}

/** Only what encodeCursor could have written: an instant that round-trips and an id that fits a bigint. */
export function decodeCursor(cursor: string): { slot: Date; id: string } | null {
  const [slot, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (rest.length > 0 || !isInstant(slot) || new Date(slot).toISOString() !== slot) return null;
  if (!/^\d{1,19}$/.test(id ?? '') || BigInt(id) > MAX_BIGINT) return null;
  return { slot: new Date(slot), id };
}
