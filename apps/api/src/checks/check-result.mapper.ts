import { CheckResultEntity, storedProbeResult } from '@hopwatch/db';
import { checkState, ProbeResult } from '@hopwatch/domain';
import { CheckResultResponse } from './dto/check-result.response';

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

export function decodeCursor(cursor: string): { slot: Date; id: string } | null {
  const [slot, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(slot);
  return Number.isNaN(date.getTime()) || !/^\d+$/.test(id ?? '') ? null : { slot: date, id };
}
