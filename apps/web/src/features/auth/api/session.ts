// The session the api keeps in its HttpOnly cookie: the key never lives in the browser.
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api';
import type { Session } from '../../../lib/types';

export const sessionKey = ['session'] as const;

async function currentSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/api/v1/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: currentSession, staleTime: 60_000 });
}

/** Forget everything cached for the previous session, but keep the session query its observers watch. */
function forgetOtherQueries(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}

export function useCanWrite(): boolean {
  return useSession().data?.scope === 'write';
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.post<Session>('/api/v1/session', { key }),
    onSuccess: (session) => {
      forgetOtherQueries(client);
      client.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/v1/session'),
    onSettled: () => {
      client.setQueryData(sessionKey, null);
      forgetOtherQueries(client);
    },
  });
}
