// What the scheduler's in-memory copy of the schedule reads and writes back, so it can keep enqueuing through a
// Postgres outage (apps/scheduler/src/tick/schedule-mirror.ts).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RawScheduleRow, SCHEDULE_COLUMNS, ScheduleRow, toScheduleRow } from './schedule-row';

@Injectable()
export class ScheduleMirrorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every site that is not paused, its schedule only: one small row per site, cheap to read every minute. */
  async activeSchedule(): Promise<ScheduleRow[]> {
    const rows: RawScheduleRow[] = await this.dataSource.query(`SELECT ${SCHEDULE_COLUMNS} FROM sites WHERE NOT paused`);
    return rows.map(toScheduleRow);
  }

  /**
   * Moves next_run_at forward to what the scheduler enqueued from memory, never back (another claim may be ahead),
   * and records the slot enqueued last, as a claim does, for the Redis-loss recovery.
   */
  async advanceTo(nextRunAt: Map<string, Date>): Promise<void> {
    if (nextRunAt.size === 0) return;
    await this.dataSource.query(
      `UPDATE sites SET next_run_at = ahead.next_run_at,
                        last_enqueued_slot = ahead.next_run_at - make_interval(secs => sites.interval_seconds)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS ahead(id, next_run_at)
        WHERE sites.id = ahead.id AND sites.next_run_at < ahead.next_run_at`,
      [[...nextRunAt.keys()], [...nextRunAt.values()].map((date) => date.toISOString())],
    );
  }

  /** Which of these sites still exist (results of a site deleted meanwhile cannot be stored). */
  async existing(siteIds: string[]): Promise<Set<string>> {
    if (siteIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM sites WHERE id = ANY($1::uuid[])', [siteIds]);
    return new Set(rows.map((row) => row.id));
  }
}
