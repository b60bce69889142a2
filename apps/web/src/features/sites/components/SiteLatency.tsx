import { useMemo, useState } from 'react';
import { ChartLine, LatencyChart } from '../../../components/LatencyChart';
import { Empty, QueryState } from '../../../components/QueryState';
import type { CheckResult, Site, UptimeSeries } from '../../../lib/types';
import { useRecentChecks, useSeries, windowStart } from '../api/sites';

const WINDOWS = ['1h', '24h', '7d', '30d', '90d'];
/** Raw results (with their phase timings) are kept 30 days; the series rollups keep totals only. */
const PHASE_WINDOWS = new Set(['1h', '24h']);
const PHASES = [
  { key: 'dnsMs', label: 'DNS', colorVar: '--maintenance' },
  { key: 'connectMs', label: 'connect', colorVar: '--degraded' },
  { key: 'tlsMs', label: 'TLS', colorVar: '--up' },
  { key: 'ttfbMs', label: 'TTFB', colorVar: '--down' },
] as const;

function seriesLines(series: UptimeSeries): { times: number[]; lines: ChartLine[] } {
  const times = series.points.map((point) => Date.parse(point.start) / 1000);
  return {
    times,
    lines: [
      { label: 'average', colorVar: '--accent', values: series.points.map((point) => point.latencyMs?.avg ?? null) },
      { label: 'p95', colorVar: '--text-muted', values: series.points.map((point) => point.latencyMs?.p95 ?? null) },
    ],
  };
}

function phaseLines(results: CheckResult[]): { times: number[]; lines: ChartLine[] } {
  const ordered = results.filter((result) => result.ok).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  return {
    times: ordered.map((result) => Date.parse(result.startedAt) / 1000),
    lines: PHASES.map((phase) => ({ label: phase.label, colorVar: phase.colorVar, values: ordered.map((result) => result.timings[phase.key] ?? null) })),
  };
}

function PhaseChart({ siteId, target, window }: { siteId: string; target: string; window: string }) {
  const from = useMemo(() => windowStart(window), [window]);
  const checks = useRecentChecks(siteId, target, from);
  const data = useMemo(() => phaseLines(checks.data?.items ?? []), [checks.data]);
  return (
    <QueryState isPending={checks.isPending} error={checks.error}>
      {() => data.times.length === 0 ? <Empty>No successful checks of {target} in this window.</Empty>
        : <LatencyChart times={data.times} lines={data.lines} fromSeconds={Date.parse(from) / 1000} toSeconds={Date.now() / 1000} title={`Phase timings of ${target} per check, last ${window}`} />}
    </QueryState>
  );
}

/** Latency per target over a chosen window: average and p95 from the series API, phases from the raw checks. */
export function SiteLatency({ site }: { site: Site }) {
  const [window, setWindow] = useState('24h');
  const [target, setTarget] = useState('entry');
  const series = useSeries(site.id, window, target);
  const totals = useMemo(() => (series.data ? seriesLines(series.data) : null), [series.data]);
  return (
    <section aria-labelledby="latency-heading">
      <h2 id="latency-heading">Latency</h2>
      <div className="row">
        <div className="tabs" role="group" aria-label="Time window">
          {WINDOWS.map((name) => <button key={name} type="button" aria-pressed={window === name} onClick={() => setWindow(name)}>{name}</button>)}
        </div>
        <div>
          <label htmlFor="latency-target" className="visually-hidden">Target</label>
          <select id="latency-target" value={target} onChange={(event) => setTarget(event.target.value)}>
            {['entry', ...site.hops.map((hop) => hop.name)].map((name) => <option key={name}>{name}</option>)}
          </select>
        </div>
      </div>
      <QueryState isPending={series.isPending} error={series.error}>
        {() => totals && <LatencyChart times={totals.times} lines={totals.lines} fromSeconds={Date.parse(series.data!.from) / 1000} toSeconds={Date.parse(series.data!.to) / 1000} title={`Latency of ${target}, average and p95, last ${window}`} />}
      </QueryState>
      <h3>Phase breakdown</h3>
      {PHASE_WINDOWS.has(window)
        ? <PhaseChart siteId={site.id} target={target} window={window} />
        : <p className="muted">Phase timings come from the raw checks; choose 1h or 24h to see them.</p>}
    </section>
  );
}
