import { decideNotice, NoticeInput, windowCovers } from './alert-policy';

const NOW = new Date('2026-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const input = (overrides: Partial<NoticeInput>): NoticeInput => ({
  type: 'incident.opened',
  eventAt: ago(1),
  incident: { status: 'open', flapping: false },
  inMaintenance: false,
  history: { opened: true, flapping: false, lastUpdateAt: null },
  now: NOW,
  ...overrides,
});

describe('decideNotice', () => {
  it.each([
    { name: 'an opening is announced', given: input({ history: { opened: false, flapping: false, lastUpdateAt: null } }), expected: { action: 'notify', notice: 'opened' } },
    { name: 'an opening in maintenance is muted', given: input({ inMaintenance: true }), expected: { action: 'mute' } },
    { name: 'a fresh resolution waits for the quiet period', given: input({ type: 'incident.resolved', eventAt: ago(30), incident: { status: 'resolved', flapping: false } }), expected: { action: 'wait' } },
    { name: 'a resolution that held is announced', given: input({ type: 'incident.resolved', eventAt: ago(200), incident: { status: 'resolved', flapping: false } }), expected: { action: 'notify', notice: 'resolved' } },
    { name: 'a resolution the incident reopened after is dropped', given: input({ type: 'incident.resolved', eventAt: ago(200) }), expected: { action: 'supersede' } },
    { name: 'a resolution of an unannounced incident stays quiet', given: input({ type: 'incident.resolved', eventAt: ago(200), incident: { status: 'resolved', flapping: false }, history: { opened: false, flapping: false, lastUpdateAt: null } }), expected: { action: 'suppress' } },
    { name: 'an update is announced', given: input({ type: 'incident.updated' }), expected: { action: 'notify', notice: 'updated' } },
    { name: 'a second update within five minutes is held back', given: input({ type: 'incident.updated', history: { opened: true, flapping: false, lastUpdateAt: ago(120) } }), expected: { action: 'suppress' } },
    { name: 'an update five minutes after the last is announced', given: input({ type: 'incident.updated', history: { opened: true, flapping: false, lastUpdateAt: ago(301) } }), expected: { action: 'notify', notice: 'updated' } },
    { name: 'flapping is announced once', given: input({ type: 'incident.updated', incident: { status: 'open', flapping: true } }), expected: { action: 'notify', notice: 'flapping' } },
    { name: 'flapping is not announced twice', given: input({ type: 'incident.updated', incident: { status: 'open', flapping: true }, history: { opened: true, flapping: true, lastUpdateAt: null } }), expected: { action: 'suppress' } },
    {
      name: 'an update made before the opened notice went out is in that notice already',
      given: input({ type: 'incident.updated', eventAt: ago(5), history: { opened: true, openedAt: ago(2), flapping: false, lastUpdateAt: null } }),
      expected: { action: 'suppress', reason: expect.stringContaining('opened notice') },
    },
    {
      name: 'an update made after the opened notice went out is announced',
      given: input({ type: 'incident.updated', eventAt: ago(1), history: { opened: true, openedAt: ago(2), flapping: false, lastUpdateAt: null } }),
      expected: { action: 'notify', notice: 'updated' },
    },
    { name: 'an update of a resolved incident is dropped', given: input({ type: 'incident.updated', incident: { status: 'resolved', flapping: false } }), expected: { action: 'supersede' } },
  ])('$name', ({ given, expected }) => {
    expect(decideNotice(given)).toMatchObject(expected);
  });
});

describe('windowCovers', () => {
  const window = { siteIds: ['s1'], tags: ['db'], startsAt: ago(60), endsAt: new Date(NOW.getTime() + 60_000) };

  it.each([
    { name: 'a listed site inside the window', site: { id: 's1', tags: [] }, at: NOW, covered: true },
    { name: 'a tagged site inside the window', site: { id: 's2', tags: ['db', 'eu'] }, at: NOW, covered: true },
    { name: 'another site', site: { id: 's3', tags: ['web'] }, at: NOW, covered: false },
    { name: 'a listed site after the window', site: { id: 's1', tags: [] }, at: new Date(NOW.getTime() + 60_000), covered: false },
  ])('$name → $covered', ({ site, at, covered }) => {
    expect(windowCovers(window, site, at)).toBe(covered);
  });
});
