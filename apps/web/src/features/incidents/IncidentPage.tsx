import { Link } from 'wouter';
import { HopChain } from '../../components/HopChain';
import { QueryState } from '../../components/QueryState';
import { StateBadge } from '../../components/StateBadge';
import { formatDateTime, formatDuration, humanize } from '../../lib/format';
import type { IncidentDetail } from '../../lib/types';
import { useSite } from '../sites/api/sites';
import { chainNodes } from '../sites/components/SiteChain';
import { RecentChecks } from '../sites/components/RecentChecks';
import { useIncident } from './api/incidents';

/** "the entry check at 10:26:44": which stored result an observation rests on, in words. */
function resultLabel(incident: IncidentDetail, id: string, index: number): string {
  const result = incident.evidenceResults?.find((candidate) => candidate.id === id);
  return result ? `${result.target} check at ${new Date(result.startedAt).toLocaleTimeString()}` : `check ${index + 1}`;
}

function Diagnosis({ incident }: { incident: IncidentDetail }) {
  const { diagnosis } = incident;
  return (
    <dl className="grid-2 panel">
      <div><dt className="muted">Cause</dt><dd>{humanize(diagnosis.cause)} ({Math.round(diagnosis.confidence * 100)} % confident)</dd></div>
      <div><dt className="muted">Failing hop</dt><dd data-testid="failing-hop">{diagnosis.failingHop ?? 'not determined'}</dd></div>
      <div><dt className="muted">Reported by</dt><dd>{diagnosis.reportedBy ?? '—'}{diagnosis.gateway && diagnosis.gateway !== 'unknown' ? ` (${diagnosis.gateway})` : ''}</dd></div>
      <div><dt className="muted">Gateway</dt><dd data-testid="gateway">{diagnosis.gateway}</dd></div>
      <div><dt className="muted">Pattern</dt><dd>{incident.pattern}{incident.flapping ? ', flapping' : ''}</dd></div>
      <div><dt className="muted">Regions</dt><dd>{incident.regions.join(', ') || '—'}</dd></div>
      <div><dt className="muted">Started</dt><dd>{formatDateTime(incident.startedAt)}</dd></div>
      <div><dt className="muted">Duration</dt><dd>{formatDuration(incident.durationSeconds)}{incident.resolvedAt ? `, resolved ${formatDateTime(incident.resolvedAt)}` : ', still open'}</dd></div>
      <div><dt className="muted">RFC 9209 Proxy-Status</dt><dd><code>{diagnosis.proxyStatus ?? '—'}</code></dd></div>
      <div><dt className="muted">Checks</dt><dd>{incident.counts.failedChecks} failed of {incident.counts.checks}</dd></div>
    </dl>
  );
}

function IncidentChain({ incident }: { incident: IncidentDetail }) {
  const site = useSite(incident.siteId);
  if (!site.data) return null;
  return (
    <section aria-labelledby="chain-heading">
      <h2 id="chain-heading">Chain</h2>
      <HopChain nodes={chainNodes(site.data, incident.evidenceResults ?? [])} failingHop={incident.diagnosis.failingHop} reportedBy={incident.diagnosis.reportedBy} />
    </section>
  );
}

function IncidentView({ incident }: { incident: IncidentDetail }) {
  const site = useSite(incident.siteId);
  return (
    <>
      <p><Link href={`/sites/${incident.siteId}`}>← {site.data?.name ?? 'Site'}</Link></p>
      <h1>{humanize(incident.diagnosis.cause)} <StateBadge state={incident.status} /></h1>
      <p style={{ fontSize: '1.1rem' }}>{incident.diagnosis.summary}</p>
      {incident.inMaintenance && <p className="notice">Part of this incident fell in a maintenance window: recorded, nobody notified.</p>}
      <Diagnosis incident={incident} />
      <IncidentChain incident={incident} />
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Next steps</h2>
        {incident.diagnosis.nextSteps.length ? <ol>{incident.diagnosis.nextSteps.map((step, i) => <li key={i}>{step}</li>)}</ol> : <p className="muted">None suggested.</p>}
      </section>
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        <ul>
          {incident.diagnosis.evidence.map((item, i) => (
            <li key={i}>{item.observation}{item.resultIds.length > 0 && <> — {item.resultIds.map((id, n) => <span key={id}>{n > 0 && ', '}<a href={`#result-${id}`}>{resultLabel(incident, id, n)}</a></span>)}</>}</li>
          ))}
        </ul>
        <h3>The checks it rests on</h3>
        <RecentChecks results={incident.evidenceResults ?? []} />
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol>{incident.timeline.map((entry, i) => <li key={i}><time dateTime={entry.at}>{formatDateTime(entry.at)}</time> — <strong>{entry.kind}</strong>: {entry.message}</li>)}</ol>
      </section>
    </>
  );
}

export function IncidentPage({ id }: { id: string }) {
  const incident = useIncident(id);
  return <QueryState isPending={incident.isPending} error={incident.error}>{() => <IncidentView incident={incident.data!} />}</QueryState>;
}
