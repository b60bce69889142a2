// Follows the demo site's incidents through the API, as the dashboard would.
export type DemoIncident = {
  id: string;
  status: string;
  pattern: string;
  regions: string[];
  diagnosis: { cause: string; failingHop: string | null; reportedBy: string | null; gateway: string; confidence: number; summary: string; nextSteps: string[] };
};

export type IncidentWatch = {
  /** The first incident not seen before, once its diagnosis names `cause` (or the last one seen at the deadline). */
  nextIncident(cause: string, timeoutMs: number, stopped: () => boolean): Promise<DemoIncident | null>;
  waitResolved(id: string, timeoutMs: number, stopped: () => boolean): Promise<boolean>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function watchIncidents(baseUrl: string, key: string): IncidentWatch {
  const seen = new Set<string>();
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    async nextIncident(cause, timeoutMs, stopped) {
      const deadline = Date.now() + timeoutMs;
      let latest: DemoIncident | null = null;
      while (Date.now() < deadline && !stopped()) {
        const { items } = await get<{ items: DemoIncident[] }>('/api/v1/incidents?limit=5');
        latest = items.find((incident) => !seen.has(incident.id)) ?? latest;
        if (latest?.diagnosis.cause === cause) break;
        await sleep(1_000);
      }
      if (latest) seen.add(latest.id);
      return latest;
    },
    async waitResolved(id, timeoutMs, stopped) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && !stopped()) {
        if ((await get<DemoIncident>(`/api/v1/incidents/${id}`)).status === 'resolved') return true;
        await sleep(1_000);
      }
      return false;
    },
  };
}
