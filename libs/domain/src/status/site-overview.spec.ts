import { overviewState, stripSegments, stripStart } from './site-overview';

const HOUR = 3_600;

describe('site overview', () => {
  it.each([
    { name: 'paused, even when failing', site: { paused: true, inMaintenance: true, latestEntryOk: [false], hasOpenIncident: true }, expected: 'paused' },
    { name: 'in a maintenance window', site: { paused: false, inMaintenance: true, latestEntryOk: [false], hasOpenIncident: true }, expected: 'maintenance' },
    { name: 'not checked recently', site: { paused: false, inMaintenance: false, latestEntryOk: [], hasOpenIncident: false }, expected: 'unknown' },
    { name: 'failing in every region', site: { paused: false, inMaintenance: false, latestEntryOk: [false, false], hasOpenIncident: true }, expected: 'down' },
    { name: 'failing in one region of two', site: { paused: false, inMaintenance: false, latestEntryOk: [true, false], hasOpenIncident: true }, expected: 'degraded' },
    { name: 'passing with an incident open', site: { paused: false, inMaintenance: false, latestEntryOk: [true], hasOpenIncident: true }, expected: 'degraded' },
    { name: 'passing everywhere', site: { paused: false, inMaintenance: false, latestEntryOk: [true, true], hasOpenIncident: false }, expected: 'up' },
  ])('a site $name is $expected', ({ site, expected }) => {
    expect(overviewState(site)).toBe(expected);
  });

  it('starts the strip 23 hours before the current hour', () => {
    expect(stripStart(100 * HOUR + 1_234)).toBe(77 * HOUR);
  });

  it('colours each segment by its worst result, hours without checks as none', () => {
    const first = 77 * HOUR;
    const hours = [
      { hourStart: first, checks: 60, up: 60 },
      { hourStart: first + HOUR, checks: 60, up: 59 },
      { hourStart: first + 5 * HOUR, checks: 60, up: 10 },
      { hourStart: first + 23 * HOUR, checks: 30, up: 30 },
      { hourStart: first - HOUR, checks: 60, up: 0 },
    ];
    const hourly = stripSegments(hours, first, 24);
    expect(hourly).toHaveLength(24);
    expect(hourly.slice(0, 6)).toEqual(['up', 'degraded', 'none', 'none', 'none', 'down']);
    expect(hourly[23]).toBe('up');
    expect(stripSegments(hours, first, 4)).toEqual(['down', 'none', 'none', 'up']);
    expect(stripSegments(hours, first, 12)[0]).toBe('degraded');
    expect(stripSegments([], first, 8)).toEqual(Array(8).fill('none'));
  });
});
