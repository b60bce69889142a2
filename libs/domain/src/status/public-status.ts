// What a public status page shows, from what the database knows about its sites. Time is passed in.
import { causePhrase, incidentImpact } from './cause-phrase';
import { periodWorst, PeriodWorst, roundedPercent } from './period-worst';

export const PUBLIC_SITE_STATES = ['operational', 'degraded', 'outage', 'maintenance', 'unknown'] as const;
export type PublicSiteState = (typeof PUBLIC_SITE_STATES)[number];
export const PAGE_STATES = ['operational', 'degraded', 'outage'] as const;
export type PageState = (typeof PAGE_STATES)[number];

export const STATUS_DAYS = 90;
export const PAST_INCIDENT_DAYS = 14;
const DAY_MS = 86_400_000;

export type StatusIncidentInput = { status: 'open' | 'resolved'; pattern: string; cause: string; startedAt: Date; resolvedAt: Date | null };

export type StatusSiteInput = {
  name: string;
  paused: boolean;
  inMaintenance: boolean;
  /** The newest entry check of each region that was checked recently. */
  latestEntryOk: boolean[];
  /** Entry counts per UTC day (`YYYY-MM-DD`), days without checks left out. */
  days: Array<{ date: string; checks: number; up: number }>;
  incidents: StatusIncidentInput[];
};

export type PublicDay = { date: string; uptimePercent: number | null; worst: PeriodWorst };
export type PublicSite = { name: string; state: PublicSiteState; uptime90d: number | null; days: PublicDay[] };
export type PublicIncident = {
  site: string;
  impact: 'outage' | 'degraded';
  cause: string;
  startedAt: string;
  resolvedAt: string | null;
  durationSeconds: number;
};
export type PublicStatus = {
  state: PageState;
  sites: PublicSite[];
  incidents: { current: PublicIncident[]; past: PublicIncident[] };
};

/**
 * maintenance: inside a maintenance window; unknown: paused or not checked recently; outage: every region's
 * newest entry check failed; degraded: some did, or an incident is still open (failures that come and go).
 */
export function publicSiteState(site: Pick<StatusSiteInput, 'paused' | 'inMaintenance' | 'latestEntryOk' | 'incidents'>): PublicSiteState {
  if (site.inMaintenance) return 'maintenance';
  if (site.paused || site.latestEntryOk.length === 0) return 'unknown';
  if (site.latestEntryOk.every((ok) => !ok)) return 'outage';
  if (site.latestEntryOk.some((ok) => !ok) || site.incidents.some((incident) => incident.status === 'open')) return 'degraded';
  return 'operational';
}

/** outage when every site with a known state is out; degraded when any is degraded or out; else operational. */
export function pageState(states: PublicSiteState[]): PageState {
  const known = states.filter((state) => state === 'operational' || state === 'degraded' || state === 'outage');
  if (known.length > 0 && known.every((state) => state === 'outage')) return 'outage';
  return known.some((state) => state !== 'operational') ? 'degraded' : 'operational';
}

/** The UTC dates of the last `count` days, today last. */
export function lastUtcDays(now: Date, count = STATUS_DAYS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, index) => new Date(today - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10));
}

export function dayStrip(days: StatusSiteInput['days'], now: Date): PublicDay[] {
  const byDate = new Map(days.map((day) => [day.date, day]));
  return lastUtcDays(now).map((date) => {
    const counts = byDate.get(date) ?? { checks: 0, up: 0 };
    return { date, uptimePercent: roundedPercent(counts), worst: periodWorst(counts) };
  });
}

function plainIncident(site: string, incident: StatusIncidentInput, now: Date): PublicIncident {
  const end = incident.resolvedAt ?? now;
  return {
    site,
    impact: incidentImpact(incident.pattern),
    cause: causePhrase(incident.cause),
    startedAt: incident.startedAt.toISOString(),
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    durationSeconds: Math.max(0, Math.round((end.getTime() - incident.startedAt.getTime()) / 1000)),
  };
}

export function publicStatus(sites: StatusSiteInput[], now: Date): PublicStatus {
  const pastSince = now.getTime() - PAST_INCIDENT_DAYS * DAY_MS;
  const shown = sites.map((site) => {
    const days = dayStrip(site.days, now);
    const dates = new Set(days.map((day) => day.date));
    const totals = site.days.filter((day) => dates.has(day.date)).reduce((sum, day) => ({ checks: sum.checks + day.checks, up: sum.up + day.up }), { checks: 0, up: 0 });
    return { name: site.name, state: publicSiteState(site), uptime90d: roundedPercent(totals), days };
  });
  const all = sites.flatMap((site) => site.incidents.map((incident) => ({ site: site.name, incident })));
  const newestFirst = (a: PublicIncident, b: PublicIncident) => b.startedAt.localeCompare(a.startedAt);
  return {
    state: pageState(shown.map((site) => site.state)),
    sites: shown,
    incidents: {
      current: all.filter(({ incident }) => incident.status === 'open').map(({ site, incident }) => plainIncident(site, incident, now)).sort(newestFirst),
      past: all
        .filter(({ incident }) => incident.status === 'resolved' && incident.resolvedAt !== null && incident.resolvedAt.getTime() >= pastSince)
        .map(({ site, incident }) => plainIncident(site, incident, now))
        .sort(newestFirst),
    },
  };
}
