import { CAUSES } from '../diagnosis/cause';
import { causePhrase } from './cause-phrase';
import { periodWorst } from './period-worst';
import { dayStrip, lastUtcDays, pageState, publicSiteState, publicStatus, StatusSiteInput } from './public-status';

const NOW = new Date('2026-12-01T12:00:00Z');

const aSite = (fields: Partial<StatusSiteInput> = {}): StatusSiteInput => ({
  name: 'shop',
  paused: false,
  inMaintenance: false,
  latestEntryOk: [true],
  days: [],
  incidents: [],
  ...fields,
});

const openIncident = { status: 'open' as const, pattern: 'intermittent', cause: 'overload', startedAt: new Date('2026-12-01T11:00:00Z'), resolvedAt: null };

describe('public status', () => {
  it.each([
    { checks: 0, up: 0, expected: 'none' },
    { checks: 1440, up: 1440, expected: 'up' },
    { checks: 1440, up: 1439, expected: 'degraded' },
    { checks: 100, up: 95, expected: 'degraded' },
    { checks: 100, up: 94, expected: 'down' },
    { checks: 10, up: 0, expected: 'down' },
  ])('a period with $up of $checks checks up is $expected', ({ checks, up, expected }) => {
    expect(periodWorst({ checks, up })).toBe(expected);
  });

  it.each([
    { name: 'all regions pass', site: aSite({ latestEntryOk: [true, true] }), expected: 'operational' },
    { name: 'one region fails', site: aSite({ latestEntryOk: [true, false] }), expected: 'degraded' },
    { name: 'every region fails', site: aSite({ latestEntryOk: [false, false] }), expected: 'outage' },
    { name: 'passing now, incident still open', site: aSite({ incidents: [openIncident] }), expected: 'degraded' },
    { name: 'in a maintenance window', site: aSite({ inMaintenance: true, latestEntryOk: [false] }), expected: 'maintenance' },
    { name: 'paused', site: aSite({ paused: true }), expected: 'unknown' },
    { name: 'not checked recently', site: aSite({ latestEntryOk: [] }), expected: 'unknown' },
  ])('a site is $expected when $name', ({ site, expected }) => {
    expect(publicSiteState(site)).toBe(expected);
  });

  it.each([
    { states: [], expected: 'operational' },
    { states: ['operational', 'unknown', 'maintenance'], expected: 'operational' },
    { states: ['operational', 'degraded'], expected: 'degraded' },
    { states: ['operational', 'outage'], expected: 'degraded' },
    { states: ['outage', 'outage', 'maintenance'], expected: 'outage' },
  ] as const)('a page whose sites are $states is $expected', ({ states, expected }) => {
    expect(pageState([...states])).toBe(expected);
  });

  it('strips 90 UTC days, today last, with percentages and days without checks as none', () => {
    const days = dayStrip([{ date: '2026-12-01', checks: 100, up: 90 }, { date: '2026-11-30', checks: 10, up: 10 }, { date: '2026-08-01', checks: 5, up: 0 }], NOW);
    expect(days).toHaveLength(90);
    expect(days[0]).toEqual({ date: '2026-09-03', uptimePercent: null, worst: 'none' });
    expect(days[88]).toEqual({ date: '2026-11-30', uptimePercent: 100, worst: 'up' });
    expect(days[89]).toEqual({ date: '2026-12-01', uptimePercent: 90, worst: 'down' });
    expect(lastUtcDays(new Date('2026-03-01T00:30:00+02:00'), 2)).toEqual(['2026-02-27', '2026-02-28']);
  });

  it('tells incidents in plain words: site, impact, cause phrase, times and duration; past ones for 14 days', () => {
    const status = publicStatus(
      [
        aSite({
          name: 'shop',
          latestEntryOk: [false],
          days: [{ date: '2026-12-01', checks: 3, up: 1 }, { date: '2026-06-01', checks: 100, up: 0 }],
          incidents: [
            { status: 'open', pattern: 'persistent', cause: 'origin_down', startedAt: new Date('2026-12-01T11:30:00Z'), resolvedAt: null },
            { status: 'resolved', pattern: 'regional', cause: 'edge_filtering', startedAt: new Date('2026-11-25T10:00:00Z'), resolvedAt: new Date('2026-11-25T10:05:30Z') },
            { status: 'resolved', pattern: 'persistent', cause: 'dns_failure', startedAt: new Date('2026-11-01T10:00:00Z'), resolvedAt: new Date('2026-11-01T11:00:00Z') },
          ],
        }),
        aSite({ name: 'blog' }),
      ],
      NOW,
    );
    expect(status.state).toBe('degraded');
    expect(status.sites.map((site) => [site.name, site.state, site.uptime90d])).toEqual([['shop', 'outage', 33.333], ['blog', 'operational', null]]);
    expect(status.incidents.current).toEqual([
      { site: 'shop', impact: 'outage', cause: 'The servers behind the site could not be reached.', startedAt: '2026-12-01T11:30:00.000Z', resolvedAt: null, durationSeconds: 1800 },
    ]);
    expect(status.incidents.past).toEqual([
      { site: 'shop', impact: 'degraded', cause: 'Visitors from some networks were turned away.', startedAt: '2026-11-25T10:00:00.000Z', resolvedAt: '2026-11-25T10:05:30.000Z', durationSeconds: 330 },
    ]);
  });

  it.each(CAUSES.map((cause) => [cause]))('has a plain phrase for %s without codes or underscores', (cause) => {
    expect(causePhrase(cause)).toMatch(/^[A-Z][^_]+\.$/);
  });
});
