// What /metrics reports about the whole fleet, read at scrape time so every API process tells the same.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENTRY_TARGET } from '@hopwatch/domain';
import { preparedQuery } from '../history/prepared-query';
import { recentCheckFloor } from '../checks/compact-result.sql';

export type SiteUp = { siteId: string; siteName: string; region: string; up: boolean };

// A region's newest entry check counts while it is newer than three intervals and two minutes, as in the site list.
const SITES_UP = `
  SELECT site.id AS site_id, site.name AS site_name, region.name AS region, newest.ok
    FROM sites AS site
   CROSS JOIN LATERAL unnest(site.regions) AS region(name)
   CROSS JOIN LATERAL (
     SELECT result.ok FROM check_results AS result
      WHERE result.site_id = site.id AND result.slot >= to_timestamp($1) - make_interval(secs => site.interval_seconds * 3 + 120)
        AND result.slot >= ${recentCheckFloor('to_timestamp($1)')}
        AND result.target = '${ENTRY_TARGET}' AND result.region = region.name AND result.error_code IS DISTINCT FROM 'MISSED'
      ORDER BY result.slot DESC LIMIT 1
   ) AS newest
   WHERE NOT site.paused`;

const OPEN_INCIDENTS_BY_CAUSE = `SELECT cause, count(*)::int AS open FROM incidents WHERE status = 'open' GROUP BY cause`;

@Injectable()
export class FleetMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each unpaused site's state per region from its newest recent entry check; regions with none are left out. `now` in epoch seconds. */
  async sitesUp(now: number): Promise<SiteUp[]> {
    type Row = { site_id: string; site_name: string; region: string; ok: boolean };
    const rows = await preparedQuery<Row>(this.dataSource, 'metrics_sites_up', SITES_UP, [Math.floor(now)], { withoutJit: true });
    return rows.map((row) => ({ siteId: row.site_id, siteName: row.site_name, region: row.region, up: row.ok }));
  }

  async openIncidentsByCause(): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ cause: string; open: number }>>(OPEN_INCIDENTS_BY_CAUSE);
    return new Map(rows.map((row) => [row.cause, row.open]));
  }
}
