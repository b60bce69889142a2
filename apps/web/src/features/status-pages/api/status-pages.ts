import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

// The status-page shapes as the api's contract states them (issue #9); they are not in the generated
// document yet, so they are named here and nowhere else.
export interface StatusPage { id: string; slug: string; title: string; description: string | null; siteIds: string[]; tags: string[] }
export interface StatusPageBody { slug: string; title: string; description?: string; siteIds?: string[]; tags?: string[] }
export interface PublicDay { date: string; uptimePercent: number | null; worst: string | null }
export interface PublicSite { name: string; state: string; uptime90d: number | null; days: PublicDay[] }
export interface PublicIncident { title?: string; summary?: string; status?: string; startedAt?: string; resolvedAt?: string | null; siteName?: string; cause?: string }
export interface PublicStatusPage {
  slug: string; title: string; description: string | null; state: string; updatedAt: string;
  sites: PublicSite[]; incidents: { current: PublicIncident[]; past: PublicIncident[] };
}

const statusPageKeys = { all: ['status-pages'] as const, public: (slug: string) => ['public-status-page', slug] as const };

export function useStatusPages() {
  return useQuery({ queryKey: statusPageKeys.all, queryFn: () => api.get<StatusPage[] | { items: StatusPage[] }>('/api/v1/status-pages').then((answer) => (Array.isArray(answer) ? answer : answer.items)) });
}

export function useSaveStatusPage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusPageBody) => api.post<StatusPage>('/api/v1/status-pages', body),
    onSuccess: () => client.invalidateQueries({ queryKey: statusPageKeys.all }),
  });
}

export function useDeleteStatusPage() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/status-pages/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: statusPageKeys.all }) });
}

export function usePublicStatusPage(slug: string) {
  return useQuery({ queryKey: statusPageKeys.public(slug), queryFn: () => api.get<PublicStatusPage>(`/api/v1/public/status-pages/${encodeURIComponent(slug)}`), refetchInterval: 30_000 });
}
