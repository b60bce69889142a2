// `hopwatch status`: is the server ready, how many sites are up, which incidents are open.
import { readAllSites } from '../../api/remote-state.reader';
import { CliContext } from '../../cli-context';
import { CliError, EXIT } from '../../exit-codes';
import { renderIncident } from './incident-view';
import { fetchIncidents } from './incidents.command';

export async function statusCommand(context: CliContext): Promise<void> {
  const [sites, open] = await Promise.all([readAllSites(context.api), fetchIncidents(context, true, 100)]);
  const ready = await context.api.get<Record<string, unknown>>('/health/ready').then(() => true, () => false);
  const counts: Record<string, number> = { up: 0, down: 0, unknown: 0, paused: 0 };
  for (const site of sites) counts[site.state] = (counts[site.state] ?? 0) + 1;
  const names = new Map(sites.map((site) => [site.id, site.name]));
  const degraded = !ready || counts.down > 0 || open.length > 0;
  if (context.output === 'json') {
    context.printJson({ server: context.api.baseUrl, ready, sites: { total: sites.length, ...counts }, openIncidents: open.map((incident) => ({ ...incident, siteName: names.get(incident.siteId) ?? null })) });
  } else {
    const { style } = context;
    context.print(`hopwatch at ${context.api.baseUrl}: ${ready ? style.green('ready') : style.red('NOT READY (database or Redis unreachable)')}`);
    context.print(`sites: ${sites.length} (${style.green(`${counts.up} up`)}, ${counts.down ? style.red(`${counts.down} down`) : '0 down'}, ${counts.unknown} unknown, ${counts.paused} paused)`);
    context.print(open.length ? `open incidents: ${open.length}\n\n${open.map((incident) => renderIncident(incident, names.get(incident.siteId) ?? incident.siteId, style)).join('\n\n')}` : 'open incidents: none');
  }
  if (degraded) throw new CliError(EXIT.degraded, '');
}
