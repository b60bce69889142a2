import { SiteEntity } from '@hopwatch/db';
import { MIRROR_RELOAD_MS, ScheduleMirror } from './schedule-mirror';

function site(id: string, nextRunAtSeconds: number, intervalSeconds = 10): SiteEntity {
  return Object.assign(new SiteEntity(), {
    id,
    url: 'http://127.0.0.1:9/',
    method: 'GET',
    intervalSeconds,
    timeoutMs: 1000,
    expectStatus: '200',
    bodyContains: null,
    regions: ['default', 'eu'],
    dnsResolvers: [],
    pushPeriodSeconds: null,
    pushGraceSeconds: null,
    dnsRecordType: null,
    dnsExpect: null,
    hops: [],
    nextRunAt: new Date(nextRunAtSeconds * 1000),
  });
}

describe('ScheduleMirror', () => {
  it('needs a load first, then a reload once a minute', () => {
    const mirror = new ScheduleMirror();
    expect(mirror.needsReload(1_000)).toBe(true);
    mirror.load([site('a', 100)], 1_000);
    expect(mirror.needsReload(1_000 + MIRROR_RELOAD_MS - 1)).toBe(false);
    expect(mirror.needsReload(1_000 + MIRROR_RELOAD_MS)).toBe(true);
  });

  it('answers what is due from memory, with each site\'s regions and chain', () => {
    const mirror = new ScheduleMirror();
    mirror.load([site('a', 100), site('b', 105)]);
    expect(mirror.due(99)).toEqual([]);
    const [due] = mirror.due(100);
    expect(due).toMatchObject({ id: 'a', nextRunAt: 100, intervalSeconds: 10, regions: ['default', 'eu'] });
    expect(due.spec.entry).toMatchObject({ kind: 'http', url: 'http://127.0.0.1:9/' });
    expect(mirror.due(105).map((entry) => entry.id)).toEqual(['a', 'b']);
  });

  it('keeps what it advanced during an outage until written back, and a reload never moves a site back', () => {
    const mirror = new ScheduleMirror();
    mirror.load([site('a', 100), site('b', 100)]);
    mirror.advance('a', 110);
    mirror.advance('a', 120);
    expect(mirror.due(115).map((entry) => entry.id)).toEqual(['b']);
    expect(mirror.pendingWriteBack()).toEqual(new Map([['a', new Date(120_000)]]));

    mirror.load([site('a', 100), site('b', 100)]);
    expect(mirror.due(115).map((entry) => entry.id)).toEqual(['b']);

    const written = mirror.pendingWriteBack();
    mirror.advance('a', 130);
    mirror.written(written);
    expect(mirror.pendingWriteBack()).toEqual(new Map([['a', new Date(130_000)]]));
  });

  it('forgets the write-back of a site a claim has moved, and drops sites a reload no longer has', () => {
    const mirror = new ScheduleMirror();
    mirror.load([site('a', 100), site('b', 100)]);
    mirror.advance('a', 110);
    const [claimed] = mirror.due(110);
    mirror.remember({ ...claimed, nextRunAt: 120 });
    expect(mirror.pendingWriteBack().size).toBe(0);
    mirror.load([site('b', 100)]);
    expect(mirror.size).toBe(1);
    mirror.advance('a', 200);
    expect(mirror.pendingWriteBack().size).toBe(0);
  });

  it('is emptied when leadership is lost', () => {
    const mirror = new ScheduleMirror();
    mirror.load([site('a', 100)]);
    mirror.advance('a', 110);
    mirror.clear();
    expect([mirror.size, mirror.pendingWriteBack().size, mirror.needsReload()]).toEqual([0, 0, true]);
  });
});
