// `hopwatch sites`: every site with its state, recent uptime and chain.
import { MANAGED_BY_TAG } from '@hopwatch/domain';
import { readAllSites, SiteListItem } from '../../api/remote-state.reader';
import { CliContext } from '../../cli-context';
import { renderTable } from '../../output/table';
import { Style } from '../../output/style';

const percent = (value: number | null) => (value === null ? '-' : `${value.toFixed(2)}%`);

export function colourState(state: string, style: Style): string {
  return state === 'up' ? style.green(state) : state === 'down' ? style.red(state) : style.yellow(state);
}

export async function sitesCommand(context: CliContext): Promise<void> {
  const sites = await readAllSites(context.api);
  if (context.output === 'json') return context.printJson(sites);
  if (sites.length === 0) return context.print('No sites yet: add some with `hopwatch apply -f hopwatch.yaml`.');
  context.print(renderTable(['NAME', 'STATE', 'UPTIME 24H', 'UPTIME 30D', 'EVERY', 'CHAIN', 'MANAGED'], sites.map((site: SiteListItem) => [
    site.name,
    colourState(site.state, context.style),
    percent(site.uptime.last24h),
    percent(site.uptime.last30d),
    `${site.intervalSeconds}s`,
    ['entry', ...site.hops.map((hop) => hop.name)].join(' → '),
    site.tags.includes(MANAGED_BY_TAG) ? 'apply' : 'by hand',
  ])));
}
