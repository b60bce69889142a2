import { useMemo } from 'react';
import type { Incident, SiteListItem } from '../../../lib/types';
import { useOpenIncidents } from '../../incidents/api/incidents';
import { useSites } from './sites';

export interface SiteRow { site: SiteListItem; incident: Incident | null }

/** Sites joined with their open incident (one per site at most), for the list. */
export function useSiteRows() {
  const sites = useSites();
  const incidents = useOpenIncidents();
  const rows = useMemo<SiteRow[] | undefined>(() => {
    if (!sites.data) return undefined;
    const bySite = new Map((incidents.data?.items ?? []).map((incident) => [incident.siteId, incident]));
    return sites.data.map((site) => ({ site, incident: bySite.get(site.id) ?? null }));
  }, [sites.data, incidents.data]);
  return { rows, isPending: sites.isPending, error: sites.error };
}

export interface SiteFilter { search: string; tag: string; state: string }

export function filterRows(rows: SiteRow[], filter: SiteFilter): SiteRow[] {
  const search = filter.search.trim().toLowerCase();
  return rows.filter(({ site }) =>
    (!search || site.name.toLowerCase().includes(search)) &&
    (!filter.tag || site.tags.includes(filter.tag)) &&
    (!filter.state || site.state === filter.state));
}
