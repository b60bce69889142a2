import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api';
import { useFallbackPolling } from '../../../lib/live-events';
import type { SiteOverview, SiteOverviewItem } from '../../../lib/types';
import { siteKeys } from './site-keys';

/** The overview's largest page; installations with more sites are read in several. */
const PAGE = 1000;
/** One strip segment per hour of the last 24. */
export const STRIP_SEGMENTS = 24;

export interface SitesOverview { stripFrom: string; segmentSeconds: number; items: SiteOverviewItem[] }

async function overview(): Promise<SitesOverview> {
  const first = await api.get<SiteOverview>(`/api/v1/sites/overview${query({ segments: STRIP_SEGMENTS, limit: PAGE })}`);
  const items = [...first.items];
  for (let offset = PAGE; offset < first.total; offset += PAGE) {
    items.push(...(await api.get<SiteOverview>(`/api/v1/sites/overview${query({ segments: STRIP_SEGMENTS, limit: PAGE, offset })}`)).items);
  }
  return { stripFrom: first.stripFrom, segmentSeconds: first.segmentSeconds, items };
}

/** Every site with its state, 24 h strip, uptime, p95 and open incident, in one request per 1,000 sites. */
export function useSitesOverview() {
  const refetchInterval = useFallbackPolling();
  return useQuery({ queryKey: [...siteKeys.lists(), 'overview'], queryFn: overview, refetchInterval });
}
