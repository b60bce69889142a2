// SQL pieces the status pages and the sites overview share to tell a site's state now.
import { ENTRY_TARGET } from '@hopwatch/domain';
import { recentCheckFloor } from '../checks/compact-result.sql';

/**
 * `oks`: the newest entry check of each of the site's regions, if newer than three intervals and two minutes
 * (the same rule as the site list), as boolean[]. Expects `site` (sites columns) and the time `now`.
 */
export function latestEntryOks(now: string): string {
  return `LATERAL (
      SELECT coalesce(array_agg(newest.ok), '{}') AS oks FROM unnest(site.regions) AS region(name)
       CROSS JOIN LATERAL (
         SELECT result.ok FROM check_results AS result
          WHERE result.site_id = site.id AND result.slot >= ${now} - make_interval(secs => site.interval_seconds * 3 + 120)
            AND result.slot >= ${recentCheckFloor(now)}
            AND result.target = '${ENTRY_TARGET}' AND result.region = region.name AND result.error_code IS DISTINCT FROM 'MISSED'
          ORDER BY result.slot DESC LIMIT 1
       ) AS newest
    )`;
}

/** Whether a maintenance window covering the site (by id or by tag) is running at `now`. */
export function inMaintenance(now: string): string {
  return `EXISTS (SELECT 1 FROM maintenance_windows AS maintenance
                   WHERE maintenance.ends_at > ${now} AND maintenance.starts_at <= ${now}
                     AND (site.id = ANY(maintenance.site_ids) OR maintenance.tags && site.tags))`;
}
