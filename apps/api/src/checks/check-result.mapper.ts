import { CheckResultEntity } from '@hopwatch/db';
import { ProbeResult } from '@hopwatch/domain';
import { CheckResultResponse } from './dto/check-result.response';

export function toCheckResultResponse(row: CheckResultEntity): CheckResultResponse {
  return {
    id: row.id,
    target: row.target,
    kind: row.kind,
    region: row.region,
    slot: row.slot.toISOString(),
    startedAt: row.startedAt.toISOString(),
    ok: row.ok,
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    timings: { dnsMs: row.dnsMs, connectMs: row.connectMs, tlsMs: row.tlsMs, ttfbMs: row.ttfbMs, totalMs: row.totalMs },
    remoteAddress: row.remoteAddress,
    headers: row.headers,
    bodySnippet: row.bodySnippet,
    tls: row.tls,
    dns: row.dns,
    gateway: row.gateway,
  };
}

export function probeToResponse(result: ProbeResult, region: string, slot: number): CheckResultResponse {
  const { timings, ...rest } = result;
  return { ...rest, timings, region, slot: new Date(slot * 1000).toISOString(), gateway: null };
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
