// One Server-Sent Events stream for the whole app. Events invalidate the queries they make stale (at most
// every LIVE_REFRESH_MS per key, so a busy installation does not refetch on every check); while the stream
// is down, queries fall back to polling every POLL_MS.
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { incidentKeys } from '../features/incidents/api/incident-keys';
import { siteKeys } from '../features/sites/api/site-keys';

export const POLL_MS = 5_000;
const LIVE_REFRESH_MS = 1_000;

export interface CheckRunEvent { siteId: string; region: string; slot: string; ok: boolean; entryStatus: number | null; entryErrorCode: string | null; totalMs: number | null }
export interface IncidentEvent { incidentId: string; siteId: string; status: string; kind: string }

const LiveContext = createContext(false);

/** The refetch interval a query should use: none while the stream is live, polling when it is not. */
export function useFallbackPolling(): number | false {
  return useContext(LiveContext) ? false : POLL_MS;
}

function throttledInvalidator(client: QueryClient) {
  const pending = new Map<string, readonly unknown[]>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (key: readonly unknown[]) => {
    pending.set(JSON.stringify(key), key);
    timer ??= setTimeout(() => {
      timer = null;
      for (const queryKey of pending.values()) void client.invalidateQueries({ queryKey });
      pending.clear();
    }, LIVE_REFRESH_MS);
  };
}

function parse<T>(event: MessageEvent<string>): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const invalidate = throttledInvalidator(client);
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('check-run', (message) => {
      const event = parse<CheckRunEvent>(message as MessageEvent<string>);
      if (!event) return;
      invalidate(siteKeys.lists());
      invalidate(siteKeys.detail(event.siteId));
    });
    source.addEventListener('incident', (message) => {
      const event = parse<IncidentEvent>(message as MessageEvent<string>);
      if (!event) return;
      invalidate(incidentKeys.all);
      invalidate(siteKeys.lists());
      invalidate(siteKeys.detail(event.siteId));
    });
    return () => source.close();
  }, [client]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function LiveIndicator() {
  const live = useContext(LiveContext);
  return <span className="muted" role="status">{live ? 'Live' : `Updating every ${POLL_MS / 1000} s`}</span>;
}
