import type { SiteOverviewItem } from '../../../lib/types';

export interface SiteFilter { search: string; tag: string; state: string }

/** Problems first: down, degraded, unknown, maintenance, up, paused; then by name. */
const STATE_ORDER = ['down', 'degraded', 'unknown', 'maintenance', 'up', 'paused'];

function byAttention(a: SiteOverviewItem, b: SiteOverviewItem): number {
  return STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.name.localeCompare(b.name);
}

export function filterSites(items: SiteOverviewItem[], filter: SiteFilter): SiteOverviewItem[] {
  const search = filter.search.trim().toLowerCase();
  return items.filter((site) =>
    (!search || site.name.toLowerCase().includes(search)) &&
    (!filter.tag || site.tags.includes(filter.tag)) &&
    (!filter.state || site.state === filter.state)).sort(byAttention);
}
