// `hopwatch incidents [--open]`: newest first, each with its diagnosis and next steps.
import { readAllSites } from '../../api/remote-state.reader';
import { CliContext } from '../../cli-context';
import { IncidentItem, renderIncident } from './incident-view';

export async function fetchIncidents(context: CliContext, openOnly: boolean, limit: number): Promise<IncidentItem[]> {
  const query = `limit=${limit}${openOnly ? '&status=open' : ''}`;
  return (await context.api.get<{ items: IncidentItem[] }>(`/api/v1/incidents?${query}`)).items;
}

export async function incidentsCommand(context: CliContext, options: { open: boolean; limit: number }): Promise<void> {
  const [incidents, sites] = await Promise.all([fetchIncidents(context, options.open, options.limit), readAllSites(context.api)]);
  const names = new Map(sites.map((site) => [site.id, site.name]));
  if (context.output === 'json') return context.printJson(incidents.map((incident) => ({ ...incident, siteName: names.get(incident.siteId) ?? null })));
  if (incidents.length === 0) return context.print(options.open ? 'No open incidents.' : 'No incidents.');
  context.print(incidents.map((incident) => renderIncident(incident, names.get(incident.siteId) ?? incident.siteId, context.style)).join('\n\n'));
}
