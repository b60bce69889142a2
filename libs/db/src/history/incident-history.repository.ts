// Incidents overlapping a time range, for the uptime answer.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IncidentInRange } from './history.types';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Incidents of a site open at any time in [from, to) (epoch seconds), oldest first. */
  async inRange(siteId: string, from: number, to: number): Promise<IncidentInRange[]> {
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
}
