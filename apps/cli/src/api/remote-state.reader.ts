// Reads everything config as code speaks of from the server, following the site list's pages.
import { RemoteChannel, RemoteSite, RemoteState, RemoteStatusPage, RemoteWindow } from '@hopwatch/domain';
import { ApiClient } from './api-client';

const PAGE = 500;

export type SiteListItem = RemoteSite & { state: string; uptime: { last24h: number | null; last30d: number | null } };

export async function readAllSites(api: ApiClient): Promise<SiteListItem[]> {
  const sites: SiteListItem[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.get<{ items: SiteListItem[]; total: number }>(`/api/v1/sites?limit=${PAGE}&offset=${offset}`);
    sites.push(...page.items);
    if (page.items.length < PAGE || sites.length >= page.total) return sites;
  }
}

export async function readRemoteState(api: ApiClient): Promise<RemoteState> {
  const [sites, channels, windows, statusPages] = await Promise.all([
    readAllSites(api),
    api.get<RemoteChannel[]>('/api/v1/alert-channels'),
    api.get<RemoteWindow[]>('/api/v1/maintenance-windows'),
    api.get<RemoteStatusPage[]>('/api/v1/status-pages'),
  ]);
  return { sites, channels, windows, statusPages };
}
