import { aDiagnosis, anOpenIncident, T0_SLOT } from '../../test-support/builders';
import type { IncidentState } from './incident-state';
import { incidentTransition, type IncidentTransition, type IncidentVerdict } from './incident-transition';
import { lastMemberRecovered, memberFailsAgain } from './root-lifecycle';

const NOW = new Date((T0_SLOT + 7200) * 1000);
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const failing = (overrides: Partial<IncidentVerdict> = {}): IncidentVerdict => ({ shouldOpen: true, shouldResolve: false, pattern: 'persistent', affectedRegions: ['default'], diagnosis: aDiagnosis(), ...overrides });
const recovered = (overrides: Partial<IncidentVerdict> = {}): IncidentVerdict => ({ shouldOpen: false, shouldResolve: true, pattern: null, affectedRegions: [], diagnosis: null, ...overrides });
const unsettled: IncidentVerdict = { shouldOpen: false, shouldResolve: false, pattern: null, affectedRegions: [], diagnosis: null };
const resolvedIncident = (flips: Date[]): IncidentState => anOpenIncident({ status: 'resolved', resolvedAt: flips[flips.length - 1] ?? null, flips });
const heldOpen = (flips: Date[]): IncidentState => anOpenIncident({ flapping: true, heldOpen: true, pattern: 'flapping', flips });

type Expected = { kind: IncidentTransition['kind']; notify: boolean; incident?: Partial<IncidentState> | null; changes?: unknown[] };
type Case = { name: string; state: IncidentState | null; verdict: IncidentVerdict; expected: Expected; flipCount?: number };

const cases: Case[] = [
  { name: 'no incident and nothing failing', state: null, verdict: unsettled, expected: { kind: 'none', notify: false, incident: null } },
  { name: 'no incident and recovered', state: null, verdict: recovered(), expected: { kind: 'none', notify: false } },
  {
    name: 'no incident and the open rule holds',
    state: null,
    verdict: failing({ affectedRegions: ['us', 'eu'] }),
    expected: { kind: 'open', notify: true, incident: { status: 'open', startedAt: NOW, pattern: 'persistent', regions: ['eu', 'us'], flapping: false, flips: [NOW] } },
  },
  {
    name: 'an incident starts at the first failed check and is confirmed now',
    state: null,
    verdict: failing({ onset: minutesAgo(3), failureRate: { failures: 3, checks: 3, rate: 1, low: 0.4385, high: 1 } }),
    expected: { kind: 'open', notify: true, incident: { startedAt: minutesAgo(3), confirmedAt: NOW, failureRate: expect.objectContaining({ failures: 3 }) } },
  },
  {
    name: 'a new incident never starts before the previous one ended',
    state: resolvedIncident([minutesAgo(30), minutesAgo(10)]),
    verdict: failing({ onset: minutesAgo(12) }),
    expected: { kind: 'open', notify: true, incident: { startedAt: minutesAgo(10), confirmedAt: NOW } },
  },
  {
    name: 'a refinement keeps the start and takes the latest failure rate',
    state: anOpenIncident({ failureRate: { failures: 2, checks: 2, rate: 1, low: 0.3424, high: 1 } }),
    verdict: failing({ onset: minutesAgo(1), failureRate: { failures: 3, checks: 5, rate: 0.6, low: 0.2307, high: 0.8824 } }),
    expected: { kind: 'none', notify: false, incident: { startedAt: new Date(T0_SLOT * 1000), failureRate: expect.objectContaining({ failures: 3, checks: 5 }) } },
  },
  {
    name: 'opening without a diagnosis yet stores an undiagnosed placeholder',
    state: null,
    verdict: failing({ diagnosis: null }),
    expected: { kind: 'open', notify: true, incident: { diagnosis: expect.objectContaining({ cause: 'unknown', confidence: 0 }) } },
  },
  {
    name: 'a resolved incident carries its flips into the next one',
    state: resolvedIncident([minutesAgo(30), minutesAgo(20)]),
    verdict: failing(),
    expected: { kind: 'open', notify: true, incident: { flapping: false } },
    flipCount: 3,
  },
  {
    name: 'the fifth flip within the hour opens as flapping',
    state: resolvedIncident([minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(20)]),
    verdict: failing(),
    expected: { kind: 'open', notify: true, incident: { flapping: true, pattern: 'flapping' } },
    flipCount: 5,
  },
  {
    name: 'flips older than an hour are forgotten',
    state: resolvedIncident([minutesAgo(200), minutesAgo(150), minutesAgo(90), minutesAgo(61)]),
    verdict: failing(),
    expected: { kind: 'open', notify: true, incident: { flapping: false, flips: [NOW] } },
  },
  {
    name: 'an open incident recovers',
    state: anOpenIncident({ flips: [minutesAgo(10)] }),
    verdict: recovered(),
    expected: { kind: 'resolve', notify: true, incident: { status: 'resolved', resolvedAt: NOW } },
    flipCount: 2,
  },
  {
    name: 'a resolution that would be the fifth flip holds the incident open and says so once',
    state: anOpenIncident({ flips: [minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(20)] }),
    verdict: recovered(),
    expected: {
      kind: 'hold-open-flapping',
      notify: true,
      incident: { status: 'open', flapping: true, heldOpen: true, pattern: 'flapping' },
      changes: [{ field: 'flapping', from: false, to: true }, { field: 'pattern', from: 'persistent', to: 'flapping' }],
    },
    flipCount: 5,
  },
  {
    name: 'an incident already flapping is held open again without another alert',
    state: anOpenIncident({ flapping: true, pattern: 'flapping', flips: [55, 45, 35, 25, 15].map(minutesAgo) }),
    verdict: recovered(),
    expected: { kind: 'hold-open-flapping', notify: false, incident: { heldOpen: true }, changes: [] },
    flipCount: 6,
  },
  {
    name: 'a held-open incident failing again counts a flip but sends nothing',
    state: heldOpen([55, 45, 35, 25, 15].map(minutesAgo)),
    verdict: failing({ pattern: 'persistent' }),
    expected: { kind: 'hold-open-flapping', notify: false, incident: { heldOpen: false, flapping: true, pattern: 'flapping' } },
    flipCount: 6,
  },
  {
    name: 'a held-open incident stays open while the flips are still many',
    state: heldOpen([55, 45, 35, 25, 15].map(minutesAgo)),
    verdict: recovered(),
    expected: { kind: 'none', notify: false, incident: { status: 'open', heldOpen: true } },
  },
  {
    name: 'a held-open incident resolves once the flips have aged out',
    state: heldOpen([110, 100, 90, 80, 50].map(minutesAgo)),
    verdict: recovered(),
    expected: { kind: 'resolve', notify: true, incident: { status: 'resolved', resolvedAt: NOW, flapping: false, heldOpen: false } },
  },
  { name: 'an open incident with the same diagnosis', state: anOpenIncident(), verdict: failing(), expected: { kind: 'none', notify: false } },
  { name: 'an open incident while the verdict is unsettled', state: anOpenIncident(), verdict: unsettled, expected: { kind: 'none', notify: false, incident: { status: 'open' } } },
  {
    name: 'the cause is refined',
    state: anOpenIncident(),
    verdict: failing({ diagnosis: aDiagnosis({ cause: 'proxy_misconfigured', failingHop: 'proxy', proxyStatus: 'proxy_configuration_error' }) }),
    expected: {
      kind: 'update',
      notify: true,
      changes: [
        { field: 'cause', from: 'origin_down', to: 'proxy_misconfigured' },
        { field: 'failingHop', from: 'app', to: 'proxy' },
        { field: 'proxyStatus', from: 'connection_refused', to: 'proxy_configuration_error' },
      ],
      incident: { diagnosis: expect.objectContaining({ cause: 'proxy_misconfigured' }) },
    },
  },
  {
    name: 'another region starts failing',
    state: anOpenIncident({ regions: ['eu'] }),
    verdict: failing({ affectedRegions: ['eu', 'us'] }),
    expected: { kind: 'update', notify: true, changes: [{ field: 'regions', added: ['us'] }], incident: { regions: ['eu', 'us'] } },
  },
  {
    name: 'a region recovering keeps it in the incident',
    state: anOpenIncident({ regions: ['eu', 'us'] }),
    verdict: failing({ affectedRegions: ['eu'] }),
    expected: { kind: 'none', notify: false, incident: { regions: ['eu', 'us'] } },
  },
  {
    name: 'the pattern changes from persistent to regional',
    state: anOpenIncident(),
    verdict: failing({ pattern: 'regional' }),
    expected: { kind: 'update', notify: true, changes: [{ field: 'pattern', from: 'persistent', to: 'regional' }], incident: { pattern: 'regional' } },
  },
  {
    name: 'a clear change of confidence is recorded quietly',
    state: anOpenIncident(),
    verdict: failing({ diagnosis: aDiagnosis({ confidence: 0.7 }) }),
    expected: { kind: 'update', notify: false, changes: [{ field: 'confidence', from: 0.9, to: 0.7 }] },
  },
  { name: 'a small change of confidence is ignored', state: anOpenIncident(), verdict: failing({ diagnosis: aDiagnosis({ confidence: 0.85 }) }), expected: { kind: 'none', notify: false } },
  {
    name: 'a flapping incident that keeps failing after the flips age out says it is now persistent',
    state: anOpenIncident({ flapping: true, pattern: 'flapping', flips: [110, 100, 90, 80, 70].map(minutesAgo) }),
    verdict: failing(),
    expected: { kind: 'update', notify: true, incident: { flapping: false, pattern: 'persistent' }, changes: expect.arrayContaining([{ field: 'flapping', from: true, to: false }]) },
  },
];

describe('incidentTransition', () => {
  it.each(cases)('$name → $expected.kind', ({ state, verdict, expected, flipCount }) => {
    const transition = incidentTransition(state, verdict, NOW);
    expect(transition).toMatchObject(expected);
    if (flipCount !== undefined) expect(transition.incident?.flips).toHaveLength(flipCount);
  });

  describe('with a quiet period after resolution', () => {
    const options = { flapLimit: 4, flapWindowMs: 3_600_000, reopenWithinMs: 5 * 60_000 };

    it('reopens the same incident, without a notice, when it fails again within the quiet period', () => {
      const transition = incidentTransition(resolvedIncident([minutesAgo(10), minutesAgo(2)]), failing(), NOW, options);
      expect(transition).toMatchObject({ kind: 'reopen', notify: false, incident: { status: 'open', resolvedAt: null, flapping: false } });
      expect(transition.incident?.flips).toHaveLength(3);
    });

    it('sends one notice when the reopening makes it flap', () => {
      const state = resolvedIncident([minutesAgo(40), minutesAgo(30), minutesAgo(20), minutesAgo(2)]);
      const transition = incidentTransition(state, failing(), NOW, options);
      expect(transition).toMatchObject({ kind: 'reopen', notify: true, incident: { flapping: true, pattern: 'flapping' } });
      const again = incidentTransition({ ...transition.incident!, status: 'resolved', resolvedAt: minutesAgo(1) }, failing(), NOW, options);
      expect(again).toMatchObject({ kind: 'reopen', notify: false });
    });

    it('opens a new incident once the quiet period is over', () => {
      expect(incidentTransition(resolvedIncident([minutesAgo(30), minutesAgo(6)]), failing(), NOW, options)).toMatchObject({ kind: 'open', notify: true });
    });
  });

  it('never keeps flips older than the flap window', () => {
    const transition = incidentTransition(anOpenIncident({ flips: [minutesAgo(300), minutesAgo(10)] }), failing(), NOW);
    expect(transition.incident?.flips).toEqual([minutesAgo(10)]);
  });

  it('does not change the state it was given', () => {
    const state = anOpenIncident({ flips: [minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(20)] });
    const before = JSON.stringify(state);
    incidentTransition(state, recovered(), NOW);
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('a root incident and its members', () => {
  it('stays open, quietly, when its own site recovers while members still fail', () => {
    const transition = incidentTransition(anOpenIncident(), recovered({ openMembers: 3 }), NOW);
    expect(transition).toMatchObject({ kind: 'await-members', notify: false, incident: { status: 'open', awaitingMembers: true, resolvedAt: null } });
  });

  it('says so only once while it waits', () => {
    expect(incidentTransition(anOpenIncident({ awaitingMembers: true }), recovered({ openMembers: 2 }), NOW)).toMatchObject({ kind: 'none', notify: false });
  });

  it('stops waiting when its own site fails again', () => {
    const transition = incidentTransition(anOpenIncident({ awaitingMembers: true }), failing({ openMembers: 2 }), NOW);
    expect(transition.incident).toMatchObject({ status: 'open', awaitingMembers: false });
  });

  it('resolves as usual once no member is open', () => {
    expect(incidentTransition(anOpenIncident(), recovered({ openMembers: 0 }), NOW)).toMatchObject({ kind: 'resolve', notify: true });
  });

  it('resolves when the last member recovers, counting the flip', () => {
    const transition = lastMemberRecovered(anOpenIncident({ awaitingMembers: true }), NOW);
    expect(transition).toMatchObject({ kind: 'resolve', notify: true, incident: { status: 'resolved', resolvedAt: NOW, awaitingMembers: false } });
    expect(transition.incident?.flips).toHaveLength(2);
  });

  it('does not resolve on a member recovering while its own site still fails', () => {
    expect(lastMemberRecovered(anOpenIncident(), NOW)).toMatchObject({ kind: 'none', incident: { status: 'open' } });
  });

  it('reopens, without a notice, when a member fails again before its resolution was announced', () => {
    const root = anOpenIncident({ status: 'resolved', resolvedAt: minutesAgo(1) });
    expect(memberFailsAgain(root, false, NOW)).toMatchObject({ kind: 'reopen', notify: false, incident: { status: 'open', resolvedAt: null, awaitingMembers: true } });
  });

  it('lets the member speak for itself once the root was announced resolved', () => {
    expect(memberFailsAgain(anOpenIncident({ status: 'resolved', resolvedAt: minutesAgo(10) }), true, NOW)).toBeNull();
  });

  it('changes nothing when the root is still open', () => {
    expect(memberFailsAgain(anOpenIncident(), false, NOW)).toMatchObject({ kind: 'none' });
  });
});
