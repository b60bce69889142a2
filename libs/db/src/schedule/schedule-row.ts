/**
 * What the scheduler reads of a site on every claim and reload: its schedule, without its chain. `version` changes
 * whenever the site or its hops are edited (the API bumps updated_at), so a chain known at the same version is
 * still the stored one.
 */
export type ScheduleRow = { id: string; intervalSeconds: number; regions: string[]; nextRunAt: number; version: number };

export type RawScheduleRow = { id: string; interval_seconds: number; regions: string[]; next_run_at: number; version: number };

/** next_run_at in epoch seconds; the version as updated_at in epoch microseconds (exact, unlike a JS Date). */
export const SCHEDULE_COLUMNS = `id, interval_seconds, regions, extract(epoch FROM next_run_at)::float8 AS next_run_at,
  (extract(epoch FROM updated_at) * 1000000)::float8 AS version`;

export function toScheduleRow(row: RawScheduleRow): ScheduleRow {
  return { id: row.id, intervalSeconds: row.interval_seconds, regions: row.regions, nextRunAt: Math.round(row.next_run_at), version: row.version };
}
