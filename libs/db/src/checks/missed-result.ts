import { ENTRY_TARGET } from '@hopwatch/domain';
import { NewCheckResult } from './check-result.types';

/** The record of a slot that was never checked, so a gap in the history is explained rather than silent. */
export function missedResult(siteId: string, region: string, slot: number): NewCheckResult {
  return {
    siteId,
    region,
    slot,
    gateway: null,
    target: ENTRY_TARGET,
    kind: 'http',
    ok: false,
    startedAt: new Date().toISOString(),
    status: null,
    errorCode: 'MISSED',
    errorMessage: 'the slot was not checked in time (scheduler or queue backlog)',
    timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0 },
    remoteAddress: null,
    headers: {},
    bodySnippet: null,
    tls: null,
    dns: null,
  };
}
