import { Link } from 'wouter';
import { QueryState } from '../../components/QueryState';
import { StateBadge } from '../../components/StateBadge';
import { useCanWrite } from '../auth/api/session';
import { IncidentTable } from '../incidents/components/IncidentTable';
import { useRecentChecks, useSite, useSiteIncidents } from './api/sites';
import { RecentChecks } from './components/RecentChecks';
import { SiteActions } from './components/SiteActions';
import { SiteChain } from './components/SiteChain';
import { SiteLatency } from './components/SiteLatency';
import { SiteUptime } from './components/SiteUptime';

export function SitePage({ id }: { id: string }) {
  const site = useSite(id);
  const checks = useRecentChecks(id);
  const incidents = useSiteIncidents(id);
  const canWrite = useCanWrite();
  const open = incidents.data?.items.find((incident) => incident.status === 'open') ?? null;
  const lastEntry = checks.data?.items.find((result) => result.target === 'entry');
  const state = site.data?.paused ? 'paused' : open ? 'down' : lastEntry ? (lastEntry.ok ? 'up' : 'down') : 'unknown';
  return (
    <QueryState isPending={site.isPending} error={site.error}>
      {() => {
        const data = site.data!;
        return (
          <>
            <p><Link href="/">← Sites</Link></p>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <div>
                <h1>{data.name} <StateBadge state={state} /></h1>
                <p className="muted">{data.url} · every {data.intervalSeconds} s · regions {data.regions.join(', ')}{data.tags.length ? ` · tags ${data.tags.join(', ')}` : ''}</p>
              </div>
              {canWrite && <SiteActions site={data} />}
            </div>
            <SiteChain site={data} results={checks.data?.items ?? []} incident={open} />
            <SiteLatency site={data} />
            <SiteUptime siteId={id} />
            <section aria-labelledby="incidents-heading">
              <h2 id="incidents-heading">Incidents</h2>
              <QueryState isPending={incidents.isPending} error={incidents.error}>{() => <IncidentTable incidents={incidents.data!.items} />}</QueryState>
            </section>
            <section aria-labelledby="checks-heading">
              <h2 id="checks-heading">Recent checks</h2>
              <QueryState isPending={checks.isPending} error={checks.error}>{() => <RecentChecks results={checks.data!.items} />}</QueryState>
            </section>
          </>
        );
      }}
    </QueryState>
  );
}
