export const incidentKeys = {
  all: ['incidents'] as const,
  open: () => [...incidentKeys.all, 'open'] as const,
  list: (status: string) => [...incidentKeys.all, 'list', status] as const,
  detail: (id: string) => [...incidentKeys.all, 'detail', id] as const,
};
