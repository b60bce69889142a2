// The one statement behind a public status page: the page, its sites, their daily entry counts, current
// state and recent incidents. Rollups by primary key (site_id, bucket_start, …), incidents by
// incidents_site_started, newest checks by probe_series_key then probe_results_one_per_slot (series_id, slot).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENTRY_TARGET, StatusIncidentInput, StatusSiteInput } from '@hopwatch/domain';
import { dailyRollupRows } from '../history/daily-rollups.sql';
import { inMaintenance, latestEntryOks } from '../sites/site-state.sql';

const MAX_INCIDENTS_PER_SITE = 50;

const PUBLIC_STATUS = `
  SELECT page.slug, page.title, page.description,
         coalesce((
           SELECT json_agg(json_build_object(
                    'name', site.name, 'paused', site.paused, 'latestEntryOk', latest.oks,
                    'inMaintenance', ${inMaintenance('$3::timestamptz')},
                    'days', coalesce(days.list, '[]'::json), 'incidents', coalesce(incidents.list, '[]'::json)
                  ) ORDER BY site.name, site.id)
             FROM sites AS site
             CROSS JOIN ${latestEntryOks('$3::timestamptz')} AS latest
             LEFT JOIN LATERAL (
               SELECT json_agg(json_build_object('date', to_char(day.bucket_start AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'checks', day.checks, 'up', day.up)) AS list
                 FROM (SELECT daily.bucket_start, sum(daily.checks)::int AS checks, sum(daily.up)::int AS up
                         FROM ${dailyRollupRows({ site: 'site.id', from: '$2::timestamptz', to: "'infinity'::timestamptz", target: `'${ENTRY_TARGET}'`, checksAndUpOnly: true })}
                        GROUP BY daily.bucket_start) AS day
             ) AS days ON true
             LEFT JOIN LATERAL (
               SELECT json_agg(json_build_object('status', incident.status, 'pattern', incident.pattern, 'cause', incident.cause,
                                                 'startedAt', incident.started_at, 'resolvedAt', incident.resolved_at)) AS list
                 FROM (SELECT * FROM incidents
                        WHERE incidents.site_id = site.id AND (incidents.status = 'open' OR incidents.resolved_at >= $4::timestamptz)
                        ORDER BY incidents.started_at DESC LIMIT ${MAX_INCIDENTS_PER_SITE}) AS incident
             ) AS incidents ON true
            WHERE site.id = ANY(page.site_ids) OR site.tags && page.tags
         ), '[]'::json) AS sites
    FROM status_pages AS page
   WHERE page.slug = $1`;

type IncidentRow = Omit<StatusIncidentInput, 'startedAt' | 'resolvedAt'> & { startedAt: string; resolvedAt: string | null };
type SiteRow = Omit<StatusSiteInput, 'incidents'> & { incidents: IncidentRow[] };
type PageRow = { slug: string; title: string; description: string | null; sites: SiteRow[] };

export type PublicStatusInputs = { slug: string; title: string; description: string | null; sites: StatusSiteInput[] };

export type PublicStatusWindow = { daysFrom: Date; incidentsFrom: Date; now: Date };

@Injectable()
export class PublicStatusRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when no page has the slug. */
  async read(slug: string, window: PublicStatusWindow): Promise<PublicStatusInputs | null> {
    const [row] = (await this.dataSource.query(PUBLIC_STATUS, [slug, window.daysFrom, window.now, window.incidentsFrom])) as PageRow[];
    if (!row) return null;
    return {
      slug: row.slug,
      title: row.title,
      description: row.description,
      sites: row.sites.map((site) => ({
        ...site,
        incidents: site.incidents.map((incident) => ({
          ...incident,
          startedAt: new Date(incident.startedAt),
          resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt),
        })),
      })),
    };
  }
}
