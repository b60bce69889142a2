import { siteState } from './site-state';
import { breakDown } from './uptime-breakdown';
import { emptyTotals, UptimeTotals } from './uptime-totals';

const totals = (fields: Partial<UptimeTotals>): UptimeTotals => ({ ...emptyTotals(), ...fields });

describe('breakDown', () => {
  const parts = [
    { target: 'entry', region: 'eu', totals: totals({ checks: 10, up: 9, failed: 1, downtimeSeconds: 60 }) },
    { target: 'entry', region: 'eu', totals: totals({ checks: 5, up: 3, failed: 2, downtimeSeconds: 120 }) },
    { target: 'entry', region: 'us', totals: totals({ checks: 15, up: 15 }) },
    { target: 'app', region: 'eu', totals: totals({ checks: 15, up: 14, failed: 1, status502: 1, downtimeSeconds: 60 }) },
    { target: 'app', region: 'us', totals: totals({ checks: 15, up: 13, failed: 2, downtimeSeconds: 120 }) },
    { target: 'dns:1.1.1.1', region: 'eu', totals: totals({ checks: 15, up: 15 }) },
  ];

  it('makes the site its entry target over all regions, with the worst region’s downtime', () => {
    expect(breakDown(parts).site).toMatchObject({ checks: 30, up: 27, failed: 3, downtimeSeconds: 180 });
  });

  it('lists each target over all regions, entry first', () => {
    expect(breakDown(parts).targets.map(({ target, totals: t }) => [target, t.checks, t.downtimeSeconds])).toEqual([
      ['entry', 30, 180],
      ['app', 30, 120],
      ['dns:1.1.1.1', 15, 0],
    ]);
  });

  it('lists each region’s entry figures', () => {
    expect(breakDown(parts).regions.map(({ region, totals: t }) => [region, t.checks, t.up])).toEqual([
      ['eu', 15, 12],
      ['us', 15, 15],
    ]);
  });

  it('gives empty figures when nothing was checked', () => {
    expect(breakDown([])).toEqual({ site: emptyTotals(), targets: [], regions: [] });
  });
});

describe('siteState', () => {
  it.each([
    { paused: true, latest: [false], state: 'paused' },
    { paused: false, latest: [], state: 'unknown' },
    { paused: false, latest: [true, true], state: 'up' },
    { paused: false, latest: [true, false], state: 'down' },
  ])('paused=$paused with newest entry checks $latest is $state', ({ paused, latest, state }) => {
    expect(siteState(paused, latest)).toBe(state);
  });
});
