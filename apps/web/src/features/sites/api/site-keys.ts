export const siteKeys = {
  all: ['sites'] as const,
  lists: () => [...siteKeys.all, 'list'] as const,
  detail: (id: string) => [...siteKeys.all, 'detail', id] as const,
  checks: (id: string, target: string) => [...siteKeys.detail(id), 'checks', target] as const,
  uptime: (id: string, window: string) => [...siteKeys.detail(id), 'uptime', window] as const,
  series: (id: string, window: string, target: string) => [...siteKeys.detail(id), 'series', window, target] as const,
  incidents: (id: string) => [...siteKeys.detail(id), 'incidents'] as const,
};
