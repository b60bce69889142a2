import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api';
import { useFallbackPolling } from '../../../lib/live-events';
import type { IncidentDetail, IncidentList } from '../../../lib/types';
import { incidentKeys } from './incident-keys';

export function useOpenIncidents() {
  const refetchInterval = useFallbackPolling();
  return useQuery({
    queryKey: incidentKeys.open(),
    queryFn: () => api.get<IncidentList>(`/api/v1/incidents${query({ status: 'open', limit: 500 })}`),
    refetchInterval,
  });
}

export function useIncidents(status: 'open' | 'resolved' | 'all') {
  const refetchInterval = useFallbackPolling();
  return useQuery({
    queryKey: incidentKeys.list(status),
    queryFn: () => api.get<IncidentList>(`/api/v1/incidents${query({ status: status === 'all' ? undefined : status, limit: 100 })}`),
    refetchInterval,
  });
}

export function useIncident(id: string) {
  const refetchInterval = useFallbackPolling();
  return useQuery({ queryKey: incidentKeys.detail(id), queryFn: () => api.get<IncidentDetail>(`/api/v1/incidents/${id}`), refetchInterval });
}
