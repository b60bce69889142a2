// Incidents overlapping a time range, for the uptime answer. The incidents table arrives with its own
// migration; until it exists this answers with no incidents instead of failing, and starts answering once
// it does (a missing table is looked for again after a minute, a present one never again).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IncidentInRange } from './history.types';

const RECHECK_MISSING_TABLE_MS = 60_000;
const MAX_INCIDENTS = 500;

const IN_RANGE = `
  SELECT id, status, pattern, started_at, resolved_at, diagnosis ->> 'cause' AS cause, diagnosis ->> 'summary' AS summary
    FROM incidents
   WHERE site_id = $1 AND started_at < to_timestamp($3) AND (resolved_at IS NULL OR resolved_at >= to_timestamp($2))
   ORDER BY started_at
   LIMIT ${MAX_INCIDENTS}`;

type IncidentRow = {
  id: string;
  status: string;
  pattern: string;
  started_at: Date;
  resolved_at: Date | null;
  cause: string | null;
  summary: string | null;
};

@Injectable()
export class IncidentHistoryRepository {
  private tableSeen = false;
  private lastLookedAt = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Incidents of a site open at any time in [from, to) (epoch seconds), oldest first. */
  async inRange(siteId: string, from: number, to: number): Promise<IncidentInRange[]> {
    if (!(await this.tableExists())) return [];
    const rows: IncidentRow[] = await this.dataSource.query(IN_RANGE, [siteId, from, to]);
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      pattern: row.pattern,
      startedAt: row.started_at,
      resolvedAt: row.resolved_at,
      cause: row.cause,
      summary: row.summary,
    }));
  }

  private async tableExists(): Promise<boolean> {
    if (this.tableSeen || Date.now() - this.lastLookedAt < RECHECK_MISSING_TABLE_MS) return this.tableSeen;
    this.lastLookedAt = Date.now();
    const [row]: Array<{ found: boolean }> = await this.dataSource.query(`SELECT to_regclass('public.incidents') IS NOT NULL AS found`);
    this.tableSeen = row.found;
    return this.tableSeen;
  }
}
