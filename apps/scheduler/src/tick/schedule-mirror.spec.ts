import { ScheduleRow } from '@hopwatch/db';
import { ChainSpec } from '@hopwatch/domain';
import { MIRROR_RELOAD_MS, ScheduleMirror } from './schedule-mirror';

function row(id: string, nextRunAt: number, version = 1): ScheduleRow {
  return { id, intervalSeconds: 10, regions: ['default', 'eu'], nextRunAt, version };
}

function chain(url: string): ChainSpec {
  return {
    entry: { kind: 'http', target: 'entry', role: 'entry', url, method: 'GET', connectTo: null, hostHeader: null, expectStatus: '200', bodyContains: null, timeoutMs: 1000 },
    hops: [],
    dnsResolvers: [],
  };
}

/** Chains for every given site, as `ScheduleRepository.chainsOf` reads them. */
const chainsOf = (...ids: string[]) => new Map(ids.map((id) => [id, chain(`http://127.0.0.1:9/${id}`)]));

/** Loads rows the way the scheduler does: chains only for what the copy lacks. */
function load(mirror: ScheduleMirror, rows: ScheduleRow[], now?: number): string[] {
  const stale = mirror.staleChains(rows);
  mirror.load(rows, chainsOf(...stale), now);
  return stale;
}

describe('ScheduleMirror', () => {
  it('needs a load first, then a reload once a minute', () => {
    const mirror = new ScheduleMirror();
    expect(mirror.needsReload(1_000)).toBe(true);
    load(mirror, [row('a', 100)], 1_000);
    expect(mirror.needsReload(1_000 + MIRROR_RELOAD_MS - 1)).toBe(false);
    expect(mirror.needsReload(1_000 + MIRROR_RELOAD_MS)).toBe(true);
  });

  it('answers what is due from memory, with each site\'s regions and chain', () => {
    const mirror = new ScheduleMirror();
    load(mirror, [row('a', 100), row('b', 105)]);
    expect(mirror.due(99)).toEqual([]);
    const [due] = mirror.due(100);
    expect(due).toMatchObject({ id: 'a', nextRunAt: 100, intervalSeconds: 10, regions: ['default', 'eu'] });
    expect(due.spec.entry).toMatchObject({ kind: 'http', url: 'http://127.0.0.1:9/a' });
    expect(mirror.due(105).map((entry) => entry.id)).toEqual(['a', 'b']);
  });

  it('keeps what it advanced during an outage until written back, and a reload never moves a site back', () => {
    const mirror = new ScheduleMirror();
    load(mirror, [row('a', 100), row('b', 100)]);
    mirror.advance('a', 110);
    mirror.advance('a', 120);
    expect(mirror.due(115).map((entry) => entry.id)).toEqual(['b']);
    expect(mirror.pendingWriteBack()).toEqual(new Map([['a', new Date(120_000)]]));

    load(mirror, [row('a', 100), row('b', 100)]);
    expect(mirror.due(115).map((entry) => entry.id)).toEqual(['b']);

    const written = mirror.pendingWriteBack();
    mirror.advance('a', 130);
    mirror.written(written);
    expect(mirror.pendingWriteBack()).toEqual(new Map([['a', new Date(130_000)]]));
  });

  it('forgets the write-back of a site a claim has moved, and drops sites a reload no longer has', () => {
    const mirror = new ScheduleMirror();
    load(mirror, [row('a', 100), row('b', 100)]);
    mirror.advance('a', 110);
    const [claimed] = mirror.due(110);
    mirror.remember({ ...claimed, nextRunAt: 120 });
    expect(mirror.pendingWriteBack().size).toBe(0);
    load(mirror, [row('b', 100)]);
    expect(mirror.size).toBe(1);
    mirror.advance('a', 200);
    expect(mirror.pendingWriteBack().size).toBe(0);
  });

  it('reads a chain again only for sites new to it or edited since (their version moved)', () => {
    const mirror = new ScheduleMirror();
    expect(load(mirror, [row('a', 100), row('b', 100)])).toEqual(['a', 'b']);
    expect(load(mirror, [row('a', 110), row('b', 110, 2), row('c', 110)])).toEqual(['b', 'c']);
    expect(mirror.due(110).map((entry) => [entry.id, entry.version])).toEqual([['a', 1], ['b', 2], ['c', 1]]);
  });

  it('gives a claim its entries with the chains it holds, leaving out a site whose chain it has not got', () => {
    const mirror = new ScheduleMirror();
    load(mirror, [row('a', 100), row('b', 100)]);
    const claimed = [row('a', 100), row('b', 100, 2), row('gone', 100)];
    expect(mirror.staleChains(claimed)).toEqual(['b', 'gone']);
    const entries = mirror.entriesFor(claimed, new Map([['b', chain('http://127.0.0.1:9/b-edited')]]));
    expect(entries.map((entry) => [entry.id, entry.spec.entry.url])).toEqual([['a', 'http://127.0.0.1:9/a'], ['b', 'http://127.0.0.1:9/b-edited']]);
  });

  it('is emptied when leadership is lost', () => {
    const mirror = new ScheduleMirror();
    load(mirror, [row('a', 100)]);
    mirror.advance('a', 110);
    mirror.clear();
    expect([mirror.size, mirror.pendingWriteBack().size, mirror.needsReload()]).toEqual([0, 0, true]);
  });
});
