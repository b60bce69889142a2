import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api';
import type { AlertChannel, CreateAlertChannel, CreatedAlertChannel, DeliveryList } from '../../../lib/types';

export const channelKeys = {
  all: ['alert-channels'] as const,
  deliveries: (id: string) => [...channelKeys.all, 'deliveries', id] as const,
};

export function useChannels() {
  return useQuery({ queryKey: channelKeys.all, queryFn: () => api.get<AlertChannel[]>('/api/v1/alert-channels') });
}

export function useDeliveries(id: string) {
  return useQuery({ queryKey: channelKeys.deliveries(id), queryFn: () => api.get<DeliveryList>(`/api/v1/alert-channels/${id}/deliveries${query({ limit: 20 })}`), refetchInterval: 5_000 });
}

export function useCreateChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateAlertChannel>) => api.post<CreatedAlertChannel>('/api/v1/alert-channels', body),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.all }),
  });
}

export function useDeleteChannel() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/alert-channels/${id}`), onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.all }) });
}

export function useTestChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api/v1/alert-channels/${id}/test`),
    onSettled: (_data, _error, id) => client.invalidateQueries({ queryKey: channelKeys.deliveries(id) }),
  });
}
