import { useEffect } from 'react';
import { QueryState } from '../../components/QueryState';
import { ApiError } from '../../lib/api';
import { StateBadge } from '../../components/StateBadge';
import { StatusStrip } from '../../components/StatusStrip';
import { formatDateTime, formatDuration, formatPercent } from '../../lib/format';
import type { PublicIncident, PublicStatus } from '../../lib/types';
import { usePublicStatusPage } from './api/status-pages';

const HEADLINES: Record<PublicStatus['state'], { text: string; state: string }> = {
  operational: { text: '▲ All systems operational', state: 'up' },
  degraded: { text: '◆ Some systems are degraded', state: 'degraded' },
  outage: { text: '▼ Some systems are down', state: 'down' },
};

function IncidentList({ incidents, empty }: { incidents: PublicIncident[]; empty: string }) {
  if (incidents.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {incidents.map((incident, index) => (
        <li key={index}>
          <strong>{incident.site}</strong> — {incident.impact === 'outage' ? 'outage' : 'degraded'}: {incident.cause}
          <div className="muted">{incident.resolvedAt
            ? `${formatDateTime(incident.startedAt)}, resolved after ${formatDuration(incident.durationSeconds)}`
            : `since ${formatDateTime(incident.startedAt)} (${formatDuration(incident.durationSeconds)})`}</div>
        </li>
      ))}
    </ul>
  );
}

function PageView({ page }: { page: PublicStatus }) {
  useEffect(() => { document.title = `${page.title} status`; }, [page.title]);
  return (
    <>
      <h1>{page.title}</h1>
      {page.description && <p>{page.description}</p>}
      <div className={`status-hero state-${HEADLINES[page.state].state}`}><p>{HEADLINES[page.state].text}</p></div>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">Current incidents</h2>
        <IncidentList incidents={page.incidents.current} empty="No current incidents." />
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Uptime over the last 90 days</h2>
        {page.sites.map((site) => (
          <div key={site.name} className="panel">
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <h3 style={{ margin: 0 }}>{site.name}</h3>
              <span><StateBadge state={site.state} /> · {formatPercent(site.uptime90d, 3)}</span>
            </div>
            <StatusStrip className="days" label={`${site.name}, 90 days`} segments={site.days.map((day) => ({ label: day.uptimePercent === null ? day.date : `${day.date}, ${formatPercent(day.uptimePercent, 2)} up`, worst: day.worst === 'none' ? null : day.worst }))} />
          </div>
        ))}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past incidents</h2>
        <IncidentList incidents={page.incidents.past} empty="No incidents in the last 90 days." />
      </section>
      <p className="muted">Updated {formatDateTime(page.updatedAt)}. Powered by hopwatch.</p>
    </>
  );
}

/** The public page: no key, no navigation of the app, nothing internal (the api sends none of it). */
export function PublicStatusPage({ slug }: { slug: string }) {
  const page = usePublicStatusPage(slug);
  return (
    <main id="main" className="public-page">
      {page.error instanceof ApiError && page.error.status === 404
        ? <><h1>Status page not found</h1><p>There is no status page at this address.</p></>
        : <QueryState isPending={page.isPending} error={page.error}>{() => <PageView page={page.data!} />}</QueryState>}
    </main>
  );
}
