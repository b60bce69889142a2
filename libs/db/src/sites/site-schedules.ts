// A site's row in site_schedules, which the API writes when a site is created, paused, resumed or rescheduled and
// the scheduler moves every interval (libs/db/src/schedule). `paused` is kept there too, so the due index leaves
// paused sites out.
import { EntityManager } from 'typeorm';
import { SiteEntity } from './site.entity';

export async function insertSchedule(manager: EntityManager, siteId: string, nextRunAt: Date, paused: boolean): Promise<void> {
  await manager.query('INSERT INTO site_schedules (site_id, next_run_at, paused) VALUES ($1, $2, $3)', [siteId, nextRunAt, paused]);
}

/** Moves the schedule where the edit of a site moves it; a field left undefined keeps its value. */
export async function updateSchedule(manager: EntityManager, siteId: string, change: { nextRunAt?: Date; paused?: boolean }): Promise<void> {
  if (change.nextRunAt === undefined && change.paused === undefined) return;
  await manager.query(
    'UPDATE site_schedules SET next_run_at = coalesce($2, next_run_at), paused = coalesce($3, paused) WHERE site_id = $1',
    [siteId, change.nextRunAt ?? null, change.paused ?? null],
  );
}

/** Reads the next run of many sites in one query and sets it on each. */
export async function attachSchedules(manager: EntityManager, sites: SiteEntity[]): Promise<void> {
  if (sites.length === 0) return;
  const rows: Array<{ site_id: string; next_run_at: Date }> = await manager.query(
    'SELECT site_id, next_run_at FROM site_schedules WHERE site_id = ANY($1::uuid[])',
    [sites.map((site) => site.id)],
  );
  const nextRuns = new Map(rows.map((row) => [row.site_id, row.next_run_at]));
  for (const site of sites) {
    const nextRunAt = nextRuns.get(site.id);
    if (nextRunAt) site.nextRunAt = nextRunAt;
  }
}
