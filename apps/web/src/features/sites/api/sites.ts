import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api';
import { useFallbackPolling } from '../../../lib/live-events';
import type { CheckResultPage, IncidentList, RunNow, Site, SiteBody, Uptime, UptimeSeries } from '../../../lib/types';
import { incidentKeys } from '../../incidents/api/incident-keys';
import { siteKeys } from './site-keys';

export function useSite(id: string) {
  return useQuery({ queryKey: siteKeys.detail(id), queryFn: () => api.get<Site>(`/api/v1/sites/${id}`) });
}

export function useRecentChecks(id: string, target?: string, from?: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({
    queryKey: [...siteKeys.checks(id, target ?? 'all'), from ?? 'latest'],
    queryFn: () => api.get<CheckResultPage>(`/api/v1/sites/${id}/checks${query({ target, from, limit: from ? 500 : 50 })}`),
    refetchInterval,
  });
}

export function useUptime(id: string, window: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({ queryKey: siteKeys.uptime(id, window), queryFn: () => api.get<Uptime>(`/api/v1/sites/${id}/uptime${query({ window })}`), refetchInterval });
}

const BUCKETS: Record<string, string> = { '1h': '5m', '24h': '1h', '7d': '1h', '30d': '1d', '90d': '1d' };
const RANGE_MS: Record<string, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '90d': 90 * 86_400_000 };

/** The series API knows windows of 24h and up; one hour is asked as a from/to range in 5-minute buckets. */
export function useSeries(id: string, window: string, target: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({
    refetchInterval,
    queryKey: siteKeys.series(id, window, target),
    queryFn: () => {
      const from = new Date(Date.now() - (RANGE_MS[window] ?? RANGE_MS['24h']!)).toISOString();
      const range = window === '1h' ? { from } : { window };
      return api.get<UptimeSeries>(`/api/v1/sites/${id}/uptime/series${query({ ...range, bucket: BUCKETS[window], target })}`);
    },
  });
}

export function windowStart(window: string): string {
  return new Date(Date.now() - (RANGE_MS[window] ?? RANGE_MS['24h']!)).toISOString();
}

export function useSiteIncidents(id: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({ queryKey: siteKeys.incidents(id), queryFn: () => api.get<IncidentList>(`/api/v1/sites/${id}/incidents${query({ limit: 20 })}`), refetchInterval });
}

function useInvalidateSite() {
  const client = useQueryClient();
  return (id?: string) => {
    void client.invalidateQueries({ queryKey: siteKeys.lists() });
    void client.invalidateQueries({ queryKey: incidentKeys.all });
    if (id) void client.invalidateQueries({ queryKey: siteKeys.detail(id) });
  };
}

export function useSaveSite(id?: string) {
  const invalidate = useInvalidateSite();
  return useMutation({
    mutationFn: (body: SiteBody) => (id ? api.patch<Site>(`/api/v1/sites/${id}`, body) : api.post<Site>('/api/v1/sites', body)),
    onSuccess: (site) => invalidate(site.id),
  });
}

export function useSiteAction(id: string) {
  const invalidate = useInvalidateSite();
  return useMutation({
    mutationFn: async (action: 'check' | 'pause' | 'resume' | 'delete') => {
      if (action === 'delete') await api.delete(`/api/v1/sites/${id}`);
      else await api.post<Site | RunNow>(`/api/v1/sites/${id}/${action}`);
    },
    onSuccess: (_result, action) => invalidate(action === 'delete' ? undefined : id),
  });
}
