import { useMemo, useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { useSitesOverview } from '../sites/api/site-rows';
import { useIncidents } from './api/incidents';
import { IncidentTable } from './components/IncidentTable';

const FILTERS = ['open', 'resolved', 'all'] as const;

export function IncidentsPage() {
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('open');
  const incidents = useIncidents(status);
  const sites = useSitesOverview();
  const names = useMemo(() => new Map((sites.data?.items ?? []).map((site) => [site.id, site.name])), [sites.data]);
  return (
    <>
      <h1>Incidents</h1>
      <div className="tabs" role="group" aria-label="Which incidents">
        {FILTERS.map((name) => <button key={name} type="button" aria-pressed={status === name} onClick={() => setStatus(name)}>{name}</button>)}
      </div>
      <QueryState isPending={incidents.isPending} error={incidents.error}>{() => <IncidentTable incidents={incidents.data!.items} siteNames={names} />}</QueryState>
    </>
  );
}
