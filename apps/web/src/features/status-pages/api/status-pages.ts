import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { PublicStatus, StatusPage, StatusPageBody } from '../../../lib/types';

const statusPageKeys = { all: ['status-pages'] as const, public: (slug: string) => ['public-status-page', slug] as const };

export function useStatusPages() {
  return useQuery({ queryKey: statusPageKeys.all, queryFn: () => api.get<StatusPage[]>('/api/v1/status-pages') });
}

export function useCreateStatusPage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<StatusPageBody>) => api.post<StatusPage>('/api/v1/status-pages', body),
    onSuccess: () => client.invalidateQueries({ queryKey: statusPageKeys.all }),
  });
}

export function useDeleteStatusPage() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/status-pages/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: statusPageKeys.all }) });
}

/** The public figures are cached by the api for a few seconds; the page re-reads them every half minute. */
export function usePublicStatusPage(slug: string) {
  return useQuery({ queryKey: statusPageKeys.public(slug), queryFn: () => api.get<PublicStatus>(`/api/v1/public/status-pages/${encodeURIComponent(slug)}`), refetchInterval: 30_000 });
}
