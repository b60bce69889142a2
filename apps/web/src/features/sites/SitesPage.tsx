import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { Empty, QueryState } from '../../components/QueryState';
import { StateBadge } from '../../components/StateBadge';
import { formatPercent, humanize } from '../../lib/format';
import { useCanWrite } from '../auth/api/session';
import { filterRows, SiteFilter, SiteRow, useSiteRows } from './api/site-rows';
import { VirtualRows } from './components/VirtualRows';

const STATES = ['up', 'down', 'unknown', 'paused'];
const COLUMNS = 6;

function Row({ row, index }: { row: SiteRow; index: number }) {
  const { site, incident } = row;
  return (
    <tr aria-rowindex={index + 2} data-site={site.name}>
      <td><Link href={`/sites/${site.id}`}>{site.name}</Link><div className="muted">{site.tags.join(', ')}</div></td>
      <td><StateBadge state={site.state} /></td>
      <td className="num">{formatPercent(site.uptime.last24h)}</td>
      <td className="num">{formatPercent(site.uptime.last30d)}</td>
      <td>{incident ? <Link href={`/incidents/${incident.id}`}>{humanize(incident.diagnosis.cause)}{incident.diagnosis.failingHop ? ` at ${incident.diagnosis.failingHop}` : ''}</Link> : <span className="muted">none</span>}</td>
      <td className="muted">every {site.intervalSeconds} s</td>
    </tr>
  );
}

export function SitesPage() {
  const { rows, isPending, error } = useSiteRows();
  const canWrite = useCanWrite();
  const [filter, setFilter] = useState<SiteFilter>({ search: '', tag: '', state: '' });
  const tags = useMemo(() => [...new Set((rows ?? []).flatMap((row) => row.site.tags))].sort(), [rows]);
  const visible = useMemo(() => filterRows(rows ?? [], filter), [rows, filter]);
  const set = (key: keyof SiteFilter) => (value: string) => setFilter((current) => ({ ...current, [key]: value }));

  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1>Sites</h1>
        {canWrite && <Link href="/sites/new" className="button primary">Add a site</Link>}
      </div>
      <QueryState isPending={isPending} error={error}>
        {() => rows!.length === 0 ? (
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
              <p className="muted" role="status" style={{ margin: 0 }}>{visible.length} of {rows!.length} sites</p>
            </form>
            <VirtualRows items={visible} rowHeight={48} height={640} columns={COLUMNS} caption="Sites"
              header={<tr><th scope="col" style={{ width: '26%' }}>Site</th><th scope="col">State</th><th scope="col" className="num">Uptime 24 h</th><th scope="col" className="num">Uptime 30 d</th><th scope="col" style={{ width: '26%' }}>Open incident</th><th scope="col">Interval</th></tr>}
              renderRow={(row, index) => <Row key={row.site.id} row={row} index={index} />} />
          </>
        )}
      </QueryState>
    </>
  );
}
