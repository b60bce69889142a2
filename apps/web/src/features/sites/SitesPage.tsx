import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { Empty, QueryState } from '../../components/QueryState';
import { StateBadge } from '../../components/StateBadge';
import { StatusStrip } from '../../components/StatusStrip';
import { formatMs, formatPercent, humanize } from '../../lib/format';
import type { SiteOverviewItem } from '../../lib/types';
import { useCanWrite } from '../auth/api/session';
import { filterSites, SiteFilter } from './api/site-filter';
import { SitesOverview, useSitesOverview } from './api/site-rows';
import { VirtualRows } from './components/VirtualRows';

const STATES = ['up', 'down', 'degraded', 'paused', 'maintenance', 'unknown'];
const COLUMNS = 7;

function stripSegments(site: SiteOverviewItem, overview: SitesOverview) {
  const from = Date.parse(overview.stripFrom);
  return site.segments.map((worst, index) => ({
    label: new Date(from + index * overview.segmentSeconds * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
    worst: worst === 'none' ? null : worst,
  }));
}

function Row({ site, overview, index }: { site: SiteOverviewItem; overview: SitesOverview; index: number }) {
  const incident = site.openIncident;
  return (
    <tr aria-rowindex={index + 2} data-site={site.name}>
      <td title={site.tags.length ? `${site.name} (tags: ${site.tags.join(', ')})` : site.name}><Link href={`/sites/${site.id}`}>{site.name}</Link> <span className="muted">{site.tags.join(', ')}</span></td>
      <td><StateBadge state={site.state} /></td>
      <td><StatusStrip segments={stripSegments(site, overview)} label={`${site.name}, last 24 hours`} /></td>
      <td className="num">{formatPercent(site.uptime.last24h)}</td>
      <td className="num">{formatPercent(site.uptime.last30d)}</td>
      <td className="num">{formatMs(site.p95Ms)}</td>
      <td>{incident ? <Link href={`/incidents/${incident.id}`}>{humanize(incident.cause)}{incident.failingHop ? ` at ${incident.failingHop}` : ''}</Link> : <span className="muted">none</span>}</td>
    </tr>
  );
}

export function SitesPage() {
  const overview = useSitesOverview();
  const canWrite = useCanWrite();
  const [filter, setFilter] = useState<SiteFilter>({ search: '', tag: '', state: '' });
  const items = overview.data?.items;
  const tags = useMemo(() => [...new Set((items ?? []).flatMap((site) => site.tags))].sort(), [items]);
  const visible = useMemo(() => filterSites(items ?? [], filter), [items, filter]);
  const set = (key: keyof SiteFilter) => (value: string) => setFilter((current) => ({ ...current, [key]: value }));

  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Sites</h1>
        {canWrite && <Link href="/sites/new" className="button primary">Add a site</Link>}
      </div>
      <QueryState isPending={overview.isPending} error={overview.error}>
        {() => items!.length === 0 ? (
          <Empty>No sites yet.{canWrite ? ' Add one to start checking it and the hops behind it.' : ''}</Empty>
        ) : (
          <>
            <form className="row panel" role="search" onSubmit={(event) => event.preventDefault()}>
              <div><label htmlFor="site-search">Search by name</label><input id="site-search" type="search" value={filter.search} onChange={(e) => set('search')(e.target.value)} /></div>
              <div><label htmlFor="site-tag">Tag</label>
                <select id="site-tag" value={filter.tag} onChange={(e) => set('tag')(e.target.value)}>
                  <option value="">All tags</option>{tags.map((tag) => <option key={tag}>{tag}</option>)}
                </select></div>
              <div><label htmlFor="site-state">State</label>
                <select id="site-state" value={filter.state} onChange={(e) => set('state')(e.target.value)}>
                  <option value="">All states</option>{STATES.map((state) => <option key={state} value={state}>{state}</option>)}
                </select></div>
              <p className="muted" role="status" style={{ margin: 0, alignSelf: 'flex-end' }}>{visible.length} of {items!.length} sites</p>
            </form>
            <VirtualRows items={visible} rowHeight={48} height={640} columns={COLUMNS} caption="Sites"
              header={<tr><th scope="col" style={{ width: '20%' }}>Site</th><th scope="col" style={{ width: '11%' }}>State</th><th scope="col" style={{ width: '22%' }}>Last 24 h</th><th scope="col" className="num">Uptime 24 h</th><th scope="col" className="num">Uptime 30 d</th><th scope="col" className="num">p95</th><th scope="col" style={{ width: '20%' }}>Open incident</th></tr>}
              renderRow={(site, index) => <Row key={site.id} site={site} overview={overview.data!} index={index} />} />
          </>
        )}
      </QueryState>
    </>
  );
}
