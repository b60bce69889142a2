import { Link } from 'wouter';
import { Empty } from '../../../components/QueryState';
import { StateBadge } from '../../../components/StateBadge';
import { formatDateTime, formatDuration, humanize } from '../../../lib/format';
import type { Incident } from '../../../lib/types';

export function IncidentTable({ incidents, siteNames }: { incidents: Incident[]; siteNames?: Map<string, string> }) {
  if (incidents.length === 0) return <Empty>No incidents.</Empty>;
  return (
    <table>
      <thead><tr><th scope="col">Incident</th>{siteNames && <th scope="col">Site</th>}<th scope="col">Status</th><th scope="col">Started</th><th scope="col">Duration</th><th scope="col">Failing hop</th></tr></thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id} data-incident={incident.id}>
            <td><Link href={`/incidents/${incident.id}`}>{humanize(incident.diagnosis.cause)} ({incident.pattern})</Link></td>
            {siteNames && <td>{siteNames.get(incident.siteId) ?? '—'}</td>}
            <td><StateBadge state={incident.status} /></td>
            <td>{formatDateTime(incident.startedAt)}</td>
            <td>{formatDuration(incident.durationSeconds)}</td>
            <td>{incident.diagnosis.failingHop ?? '—'}{incident.diagnosis.gateway && incident.diagnosis.gateway !== 'unknown' ? ` (via ${incident.diagnosis.gateway})` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
