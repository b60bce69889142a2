// How a result is stored compactly in probe_results (see the CompactPartitionedResults migration) and how its
// id is derived from its key rather than stored: slot seconds * 2^31 + series id.
import { isIP } from 'node:net';
import { SITE_LIMITS } from '@hopwatch/domain';

/** Kind codes: a kind is stored as its 1-based position here. Append only; the check_results view decodes the same list. */
export const STORED_KINDS = ['http', 'tcp', 'dns', 'push'] as const;

const SERIES_ID_SPAN = 2n ** 31n;

/** The SQL of the id of a row of `table` (probe_results columns slot and series_id). */
export function resultId(table: string): string {
  return `(floor(extract(epoch FROM ${table}.slot))::bigint * ${SERIES_ID_SPAN} + ${table}.series_id)`;
}

/** The slot a result id belongs to, so a lookup by id can name its partition; null when the id is not one of ours. */
export function slotOfResultId(id: string): Date | null {
  if (!/^[0-9]{1,19}$/.test(id)) return null;
  return new Date(Number(BigInt(id) / SERIES_ID_SPAN) * 1000);
}

/** Start time as milliseconds after the slot, held to the int range (a slot recorded weeks late keeps the bound). */
export function startedOffsetMs(startedAt: string, slot: string): string {
  return `least(greatest(round(extract(epoch FROM ${startedAt} - ${slot}) * 1000), -2147483648), 2147483647)::int`;
}

/** Headers, body snippet and TLS details are kept for failures only: no reader needs them for a success. */
export function unlessHealthy(column: string): string {
  return `CASE WHEN input.ok THEN NULL ELSE ${column} END`;
}

/** Remote addresses are stored as inet: an IP (without an IPv6 zone, which inet cannot hold), or nothing. */
export function storableAddress(address: string | null): string | null {
  const withoutZone = address?.split('%')[0] ?? null;
  return withoutZone && isIP(withoutZone) !== 0 ? withoutZone : null;
}

/**
 * SQL: the oldest slot a "recent enough" entry check can have at `now` for any site (three of the longest
 * interval and two minutes). Each site's own window depends on its interval, known only while the query runs;
 * this constant floor lets the planner leave out every older day partition before it runs.
 */
export function recentCheckFloor(now: string): string {
  return `(${now} - make_interval(secs => ${SITE_LIMITS.intervalSeconds.max * 3 + 120}))`;
}
