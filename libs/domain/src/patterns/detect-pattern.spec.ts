import { outcomes, T0_SLOT } from '../../test-support/builders';
import { detectPattern, type PatternInput, type PatternVerdict } from './detect-pattern';
import type { EntryOutcome } from './entry-outcome';

const NOW = new Date((T0_SLOT + 3600) * 1000);
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const single = (picture: string) => ({ default: outcomes(picture) });
const withStatus = (picture: string, status: number): EntryOutcome[] => outcomes(picture).map((outcome) => (outcome.ok ? outcome : { ...outcome, status }));
const latencyRise = (fromIndex: number) => (index: number) => ({ proxy: 5, app: index < fromIndex ? 40 : 900 });

type Case = { name: string; input: Omit<PatternInput, 'now'>; expected: Partial<PatternVerdict> };

const cases: Case[] = [
  { name: 'all checks pass', input: { outcomes: single('..........') }, expected: { pattern: null, shouldOpen: false, shouldResolve: true } },
  { name: 'no checks yet', input: { outcomes: { default: [] } }, expected: { pattern: null, shouldOpen: false, shouldResolve: false } },
  { name: 'a single 502 is not enough', input: { outcomes: single('.........5') }, expected: { pattern: null, shouldOpen: false, shouldResolve: false } },
  { name: 'two failures in a row open (confirmations 2)', input: { outcomes: single('........55') }, expected: { pattern: 'persistent', shouldOpen: true, affectedRegions: ['default'] } },
  { name: 'refused connections in a row open too', input: { outcomes: single('........RR') }, expected: { pattern: 'persistent', shouldOpen: true } },
  { name: 'confirmations 3 waits for a third failure (500s: the rate rule ignores them)', input: { outcomes: single('........FF'), options: { confirmations: 3 } }, expected: { pattern: null, shouldOpen: false } },
  { name: 'confirmations 3 opens on the third', input: { outcomes: single('.......FFF'), options: { confirmations: 3 } }, expected: { pattern: 'persistent', shouldOpen: true } },
  { name: 'with confirmations 3, two 502s in a row still reach 20% of 10', input: { outcomes: single('........55'), options: { confirmations: 3 } }, expected: { pattern: 'intermittent', shouldOpen: true } },
  { name: 'sporadic 502s that never repeat open at 20% of 10', input: { outcomes: single('..5....5..') }, expected: { pattern: 'intermittent', shouldOpen: true, shouldResolve: false } },
  { name: 'sporadic 503s and 504s count as gateway errors', input: { outcomes: single('.3......4.') }, expected: { pattern: 'intermittent', shouldOpen: true } },
  { name: 'sporadic 500s are not gateway errors', input: { outcomes: single('..F....F..') }, expected: { pattern: null, shouldOpen: false } },
  { name: 'sporadic Cloudflare 522s count', input: { outcomes: { default: withStatus('.5...5....', 522) } }, expected: { pattern: 'intermittent', shouldOpen: true } },
  { name: 'an old 502 outside the window does not count', input: { outcomes: single('5..........5') }, expected: { shouldOpen: false } },
  { name: 'the threshold is an option: 30% needs three', input: { outcomes: single('..5....5..'), options: { rateThreshold: 0.3 } }, expected: { shouldOpen: false } },
  { name: 'the app failing about 30% of the time is intermittent, pairs and all', input: { outcomes: single('.5..55.5..') }, expected: { pattern: 'intermittent', shouldOpen: true } },
  { name: 'a streak after a quiet stretch is persistent', input: { outcomes: single('5..........555') }, expected: { pattern: 'persistent' } },
  { name: 'a streak with scattered failures shortly before it is intermittent', input: { outcomes: single('..5....555') }, expected: { pattern: 'intermittent' } },
  { name: 'the origin failing a third of the time is intermittent though its last two failed', input: { outcomes: single('.5..5.5.55') }, expected: { pattern: 'intermittent', shouldOpen: true } },
  { name: 'an outage with one blip is still persistent', input: { outcomes: single('..5555.55555555555555') }, expected: { pattern: 'persistent' } },
  { name: 'ten failures in a row are persistent whatever came before', input: { outcomes: single('5.5.5.5555555555') }, expected: { pattern: 'persistent' } },
  {
    name: 'the failure rate since the onset, its interval and window',
    input: { outcomes: single('......5..5.55') },
    expected: { failureRate: { failures: 4, checks: 7, rate: 0.5714, low: 0.2505, high: 0.8418 }, window: { fromSlot: T0_SLOT + 6 * 60, toSlot: T0_SLOT + 12 * 60, checks: 7 }, onset: new Date((T0_SLOT + 6 * 60) * 1000) },
  },
  { name: 'no failure rate while nothing fails', input: { outcomes: single('..........') }, expected: { failureRate: null, window: null, onset: null } },
  { name: 'an outage that ended resolves after two successes', input: { outcomes: single('...55555..') }, expected: { pattern: null, shouldOpen: false, shouldResolve: true } },
  { name: 'recoveries 3 waits for a third success', input: { outcomes: single('....55555..'), options: { recoveries: 3 } }, expected: { shouldOpen: false, shouldResolve: false } },
  { name: 'one success after an outage resolves nothing yet', input: { outcomes: single('....55555.') }, expected: { shouldOpen: false, shouldResolve: false } },
  { name: 'sporadic errors keep it open until they leave the window', input: { outcomes: single('5.5.......') }, expected: { shouldOpen: true, shouldResolve: false } },
  { name: 'sporadic errors resolve once under the rate', input: { outcomes: single('5.5.........') }, expected: { shouldOpen: false, shouldResolve: true } },
  {
    name: 'failing in one region while another is fine is regional',
    input: { outcomes: { vpn: outcomes('........55'), home: outcomes('..........') } },
    expected: { pattern: 'regional', shouldOpen: true, affectedRegions: ['vpn'], healthyRegions: ['home'] },
  },
  {
    name: 'failing everywhere is not regional',
    input: { outcomes: { eu: outcomes('........55'), us: outcomes('........55') } },
    expected: { pattern: 'persistent', affectedRegions: ['eu', 'us'], healthyRegions: [] },
  },
  {
    name: 'a region with a stray failure is neither affected nor healthy',
    input: { outcomes: { eu: outcomes('........55'), us: outcomes('.....5....') } },
    expected: { pattern: 'persistent', healthyRegions: [] },
  },
  {
    name: 'resolving needs every region to recover',
    input: { outcomes: { eu: outcomes('...55555..'), us: outcomes('...55555.') } },
    expected: { shouldResolve: false },
  },
  {
    name: 'five flips in the last hour is flapping',
    input: { outcomes: single('........55'), flips: [55, 45, 30, 20, 5].map(minutesAgo) },
    expected: { pattern: 'flapping', flapping: true, flipsInWindow: 5 },
  },
  {
    name: 'four flips in the hour is not flapping yet',
    input: { outcomes: single('........55'), flips: [45, 30, 20, 5].map(minutesAgo) },
    expected: { pattern: 'persistent', flapping: false, flipsInWindow: 4 },
  },
  {
    name: 'flips older than an hour do not count',
    input: { outcomes: single('........55'), flips: [120, 90, 70, 61, 5].map(minutesAgo) },
    expected: { flapping: false, flipsInWindow: 1 },
  },
  {
    name: 'the flap limit is an option',
    input: { outcomes: single('........55'), flips: [30, 20, 5].map(minutesAgo), options: { flapLimit: 2 } },
    expected: { flapping: true, pattern: 'flapping' },
  },
];

describe('detectPattern', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(detectPattern({ ...input, now: NOW })).toMatchObject(expected);
  });

  it('explains which rule fired', () => {
    const verdict = detectPattern({ outcomes: { vpn: outcomes('..5....5..'), home: outcomes('..........') }, now: NOW });
    expect(verdict.reasons.join('\n')).toContain('vpn: 2 of the last 10 entry checks failed with a gateway status');
    expect(verdict.reasons.join('\n')).toContain('healthy meanwhile: home');
  });
});

describe('detectPattern overload signal', () => {
  it.each([
    { name: 'gateway errors after the app slowed down', picture: '......4.44', latency: latencyRise(5), hops: ['app'] },
    { name: 'latency rises one check before the first error', picture: '.......5.5', latency: latencyRise(6), hops: ['app'] },
    { name: 'errors without a latency rise', picture: '......4.44', latency: () => ({ proxy: 5, app: 40 }), hops: [] },
    { name: 'a rise too small to matter (40 → 120 ms, under the 2× factor)', picture: '......4.44', latency: (index: number) => ({ app: index < 6 ? 80 : 120 }), hops: [] },
    { name: 'too little history for a baseline', picture: '..4.4', latency: latencyRise(2), hops: [] },
    { name: 'no hop timings at all', picture: '......4.44', latency: undefined, hops: [] },
  ])('$name → rising $hops', ({ picture, latency, hops }) => {
    const verdict = detectPattern({ outcomes: { default: outcomes(picture, { hopLatencyMs: latency }) }, now: NOW });
    expect((verdict.overload?.rises ?? []).map((rise) => rise.hop)).toEqual(hops);
  });

  it('reports the baseline and the recent median', () => {
    const verdict = detectPattern({ outcomes: { default: outcomes('......4.44', { hopLatencyMs: latencyRise(5) }) }, now: NOW });
    expect(verdict.overload?.rises[0]).toMatchObject({ region: 'default', hop: 'app', baselineMs: 40, recentMs: 900 });
    expect(verdict.overload?.onsetSlots.default).toBe(T0_SLOT + 6 * 60);
  });
});

describe('detectPattern deploy windows', () => {
  it.each([
    { name: 'a short refused burst that recovered', picture: '....RR....', windows: 1, codes: ['ECONNREFUSED'] },
    { name: 'a short burst of 502s while the app reset', picture: '....XX....', windows: 1, codes: ['ECONNRESET'] },
    { name: 'a burst still going on', picture: '........RR', windows: 0, codes: [] },
    { name: 'a burst longer than five checks', picture: '..RRRRRR..', windows: 0, codes: [] },
    { name: 'a burst of timeouts', picture: '....44....', windows: 0, codes: [] },
    { name: 'a burst at the very start (its beginning unseen)', picture: 'RR........', windows: 0, codes: [] },
  ])('$name → $windows window(s)', ({ picture, windows, codes }) => {
    const verdict = detectPattern({ outcomes: { default: outcomes(picture) }, now: NOW });
    expect(verdict.deployWindows).toHaveLength(windows);
    if (windows > 0) expect(verdict.deployWindows[0]).toMatchObject({ region: 'default', checks: 2, errorCodes: codes });
  });
});
