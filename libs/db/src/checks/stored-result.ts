import type { ObservedResult } from '@hopwatch/domain';
import { CheckResultEntity } from './check-result.entity';

/** A stored row back in the probes' vocabulary, with the id, region and slot evidence points at. */
export function storedProbeResult(row: CheckResultEntity): ObservedResult {
  return {
    id: row.id,
    region: row.region,
    slot: row.slot.getTime() / 1000,
    target: row.target,
    kind: row.kind,
    ok: row.ok,
    startedAt: row.startedAt.toISOString(),
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    timings: { dnsMs: row.dnsMs, connectMs: row.connectMs, tlsMs: row.tlsMs, ttfbMs: row.ttfbMs, totalMs: row.totalMs },
    remoteAddress: row.remoteAddress,
    headers: row.headers,
    bodySnippet: row.bodySnippet,
    tls: row.tls,
    dns: row.dns,
  };
}
