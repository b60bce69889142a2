// Uptime history through the API, on small fixed data whose answers are worked out by hand in the comments.
import { DataSource } from 'typeorm';
import { CheckResultRepository, DayCloseRepository, NewCheckResult, ResultPartitionRepository, RetentionRepository } from '@hopwatch/db';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import type { DependencyMonitor } from '@hopwatch/runtime';
import { DayCloseService } from '../../apps/scheduler/src/housekeeping/day-close.service';
import { RetentionService } from '../../apps/scheduler/src/housekeeping/retention.service';
import type { LeaderLock } from '../../apps/scheduler/src/tick/leader.lock';
import { BootedApi, bootApi } from '../support/boot-api';
import { aResult, insertSite, resultsFor, SiteRow } from '../support/history-fixtures';

const H = 3_600;
const D = 86_400;
const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

describe('uptime history API', () => {
  let api: BootedApi;
  // Two days ago on a whole hour: inside raw retention, so partial hours are answered exactly.
  const HOUR0 = Math.floor(Date.now() / 1000 / H) * H - 48 * H;

  beforeAll(async () => {
    api = await bootApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const site = (fields: SiteRow = {}) => insertSite(api.app.get(DataSource), fields);
  const write = (results: NewCheckResult[]) => api.app.get(CheckResultRepository).insertMany(results);
  const uptime = (siteId: string, query: Record<string, string>, status = 200) =>
    api.http().get(`/api/v1/sites/${siteId}/uptime`).query(query).set(api.auth()).expect(status).then((response) => response.body);
  const series = (siteId: string, query: Record<string, string>, status = 200) =>
    api.http().get(`/api/v1/sites/${siteId}/uptime/series`).query(query).set(api.auth()).expect(status).then((response) => response.body);
  const between = (from: number, to: number) => ({ from: iso(from), to: iso(to) });

  /** Ten entry checks a minute apart, `++---+++-+`, and ten of the `app` hop with one refusal. */
  async function aSmallHour(): Promise<string> {
    const siteId = await site({ intervalSeconds: 60 });
    const entryLatencies = [100, 100, 0, 0, 0, 200, 200, 200, 0, 400];
    const failures: Record<number, Partial<Parameters<typeof aResult>[2]>> = {
      2: { ok: false, status: 502 },
      3: { ok: false, status: 502 },
      4: { ok: false, status: 504 },
      8: { ok: false, status: null, errorCode: 'ETIMEDOUT', totalMs: 10_000 },
    };
    await write([
      ...entryLatencies.map((totalMs, k) => aResult(siteId, HOUR0 + k * 60, failures[k] ?? { totalMs })),
      ...Array.from({ length: 10 }, (_, k) =>
        aResult(siteId, HOUR0 + k * 60, k === 3 ? { target: 'app', ok: false, status: null, errorCode: 'ECONNREFUSED' } : { target: 'app' }),
      ),
    ]);
    return siteId;
  }

  it('answers uptime, downtime, 502s and percentiles of a small hour as worked out by hand', async () => {
    const siteId = await aSmallHour();
    const answer = await uptime(siteId, between(HOUR0, HOUR0 + 600));
    expect(answer).toMatchObject({
      from: iso(HOUR0),
      to: iso(HOUR0 + 600),
      // 6 of 10 entry checks succeeded
      uptimePercent: 60,
      checks: 10,
      up: 6,
      failed: 4,
      count502: 2,
      count504: 1,
      count5xx: 3,
      timeouts: 1,
      // outages: slot 2 → first success at slot 5 (180 s), slot 8 → slot 9 (60 s)
      downtimeSeconds: 240,
      // successes took 100, 100, 200, 200, 200, 400 ms: average 200; p50 is the 3rd (200 ms, bucket [181, 215) → 197.4),
      // p95 and p99 the 6th (400 ms, bucket [362, 431) → 394.8)
      latencyMs: { avg: 200, p50: 197.4, p95: 394.8, p99: 394.8 },
      statusCounts: { '200': 6, '502': 2, '504': 1, ETIMEDOUT: 1 },
      incidents: [],
    });
    expect(answer.targets.map((t: { target: string; checks: number; failed: number; downtimeSeconds: number }) => [t.target, t.checks, t.failed, t.downtimeSeconds])).toEqual([
      ['entry', 10, 4, 240],
      ['app', 10, 1, 60],
    ]);
    expect(answer.regions).toEqual([expect.objectContaining({ region: 'default', checks: 10, up: 6, downtimeSeconds: 240 })]);
  });

  it('gives the same answer from hourly rollups as from raw results, and counts partial hours exactly', async () => {
    const siteId = await aSmallHour();
    const fromRaw = await uptime(siteId, between(HOUR0, HOUR0 + 600));
    const fromRollups = await uptime(siteId, between(HOUR0 - H, HOUR0 + 2 * H));
    const { from: _from, to: _to, ...figures } = fromRaw;
    expect(fromRollups).toMatchObject(figures);
    // slots 3, 4 and 5 only (180, 240, 300 s): down, down, up
    expect(await uptime(siteId, between(HOUR0 + 150, HOUR0 + 330))).toMatchObject({ checks: 3, up: 1, failed: 2, downtimeSeconds: 120 });
  });

  it('answers a range with no checks with null uptime, not 100 %', async () => {
    const siteId = await aSmallHour();
    expect(await uptime(siteId, between(HOUR0 - 5 * H, HOUR0 - 4 * H))).toMatchObject({
      uptimePercent: null,
      checks: 0,
      downtimeSeconds: 0,
      latencyMs: null,
      statusCounts: {},
      targets: [],
      regions: [],
    });
  });

  it('counts a paused stretch as neither up nor down', async () => {
    const siteId = await site({ intervalSeconds: 60 });
    // 10 checks, paused for 20 minutes, 10 checks: one failure before the pause, one after
    await write(resultsFor(siteId, HOUR0, 60, `+++++++++-${'.'.repeat(20)}-+++++++++`));
    expect(await uptime(siteId, between(HOUR0, HOUR0 + 2 * H))).toMatchObject({ checks: 20, up: 18, uptimePercent: 90, downtimeSeconds: 120 });
  });

  it('counts a site created in the middle of the range from its first check', async () => {
    const siteId = await site({ intervalSeconds: 300, createdAt: new Date((HOUR0 + 1_800) * 1000) });
    await write(resultsFor(siteId, HOUR0 + 1_800, 300, '++-++'));
    expect(await uptime(siteId, between(HOUR0 - 6 * H, HOUR0 + 6 * H))).toMatchObject({ checks: 5, up: 4, uptimePercent: 80, downtimeSeconds: 300 });
  });

  it('takes a late result into its own hour and counts a result written twice once', async () => {
    const siteId = await site({ intervalSeconds: 60 });
    const onTime = resultsFor(siteId, HOUR0 + H, 60, '++++');
    await write(onTime);
    await write(onTime);
    const range = between(HOUR0, HOUR0 + 2 * H);
    expect(await uptime(siteId, range)).toMatchObject({ checks: 4, up: 4, downtimeSeconds: 0 });
    await write([aResult(siteId, HOUR0 + 600, { ok: false })]);
    expect(await uptime(siteId, range)).toMatchObject({ checks: 5, up: 4, failed: 1, downtimeSeconds: 60 });
    const hours = await series(siteId, { ...range, bucket: '1h' });
    expect(hours.points.map((point: { start: string; checks: number; failed: number }) => [point.start, point.checks, point.failed])).toEqual([
      [iso(HOUR0), 1, 1],
      [iso(HOUR0 + H), 4, 0],
    ]);
  });

  it('charts every bucket, empty ones included, in 5-minute buckets from raw results', async () => {
    const siteId = await aSmallHour();
    const chart = await series(siteId, { ...between(HOUR0, HOUR0 + 900), bucket: '5m' });
    expect(chart).toMatchObject({ bucket: '5m', target: 'entry', region: null, from: iso(HOUR0), to: iso(HOUR0 + 900) });
    // slots 0–4 `++---`, 5–9 `+++-+`, none in the third bucket
    expect(chart.points.map((point: { checks: number; up: number; downtimeSeconds: number; uptimePercent: number | null }) => [point.checks, point.up, point.downtimeSeconds, point.uptimePercent])).toEqual([
      [5, 2, 180, 40],
      [5, 4, 60, 80],
      [0, 0, 0, null],
    ]);
    const app = await series(siteId, { ...between(HOUR0, HOUR0 + H), bucket: '1h', target: 'app' });
    expect(app.points).toEqual([expect.objectContaining({ start: iso(HOUR0), checks: 10, failed: 1 })]);
  });

  it('refuses bad ranges and buckets with a 400 that names the field', async () => {
    const siteId = await site();
    const message = async (path: string, query: Record<string, string>) =>
      (await api.http().get(`/api/v1/sites/${siteId}/${path}`).query(query).set(api.auth()).expect(400)).body.message;
    expect(await message('uptime', { window: '2h' })).toEqual(['window must be one of 24h, 7d, 30d, 90d, 365d']);
    expect(await message('uptime', { from: 'yesterday' })).toEqual(['from must be an ISO 8601 date that exists, between 1970 and 9999, like "2026-01-31T12:00:00Z"']);
    expect(await message('uptime', between(HOUR0, HOUR0 - 60))).toEqual(['from must be before to and before now']);
    expect(await message('uptime', between(HOUR0 - 400 * D, HOUR0))).toEqual(['the range from–to must be at most 366 days']);
    expect(await message('uptime', { window: '7d', from: iso(HOUR0) })).toEqual(['window cannot be combined with from/to; send one or the other']);
    expect(await message('uptime/series', { window: '7d', bucket: '5m' })).toEqual(['bucket 5m covers at most 2 days; choose a larger bucket or a shorter range']);
    expect(await message('uptime/series', { window: '90d', bucket: '1h' })).toEqual(['bucket 1h covers at most 31 days; choose a larger bucket or a shorter range']);
    expect(await message('uptime/series', { ...between(HOUR0 - 40 * D, HOUR0 - 39 * D), bucket: '5m' })).toEqual([
      'bucket 5m is counted from raw results, kept for 30 days: from must be within them',
    ]);
    expect(await message('uptime/series', { window: '24h', bucket: '2m' })).toEqual(['bucket must be one of 5m, 1h, 1d']);
    await api.http().get('/api/v1/sites/00000000-0000-4000-8000-000000000000/uptime').set(api.auth()).expect(404);
  });

  it('lists each site with its state and its entry uptime over 24 h and 30 d', async () => {
    const now = Math.floor(Date.now() / 1000);
    const slot = now - (now % 60) - 60;
    const [up, down, paused, silent] = await Promise.all([site({ regions: ['eu', 'us'] }), site({ regions: ['eu', 'us'] }), site({ paused: true }), site()]);
    await write([
      // up: both regions' newest checks succeeded; 3 of 4 checks in the last 24 h, 3 of 5 in 30 days
      ...resultsFor(up, slot - 180, 60, '+-++', { region: 'eu' }),
      aResult(up, slot - 10 * D, { region: 'eu', ok: false }),
      aResult(up, slot, { region: 'us', target: 'app', ok: false }),
      // down: the newest check of one region failed
      aResult(down, slot, { region: 'eu' }),
      aResult(down, slot, { region: 'us', ok: false }),
      aResult(paused, slot - 600),
    ]);
    const { body } = await api.http().get('/api/v1/sites?limit=500').set(api.auth()).expect(200);
    const listed = (id: string) => body.items.find((item: { id: string }) => item.id === id);
    expect(listed(up)).toMatchObject({ state: 'up', uptime: { last24h: 75, last30d: 60 } });
    expect(listed(down)).toMatchObject({ state: 'down', uptime: { last24h: 50, last30d: 50 } });
    expect(listed(paused)).toMatchObject({ state: 'paused', uptime: { last24h: 100 } });
    expect(listed(silent)).toMatchObject({ state: 'unknown', uptime: { last24h: null, last30d: null } });
  });

  /** The scheduler's rounds of rollup and result housekeeping, as its leader runs them. */
  async function housekeeping() {
    const leader = { isLeading: () => true } as LeaderLock;
    const config = api.app.get<HopwatchConfig>(HOPWATCH_CONFIG);
    const dependencies = { explains: async () => false } as unknown as DependencyMonitor;
    await new DayCloseService(leader, api.app.get(DayCloseRepository), dependencies, config).runOnce();
    return new RetentionService(leader, api.app.get(ResultPartitionRepository), api.app.get(RetentionRepository), api.app.get(DayCloseRepository), config).runOnce();
  }

  it('answers hours older than the kept hourly rollups from the daily rollups of their whole days, before and after the purge', async () => {
    const siteId = await site({ intervalSeconds: 3_600 });
    const oldDay = Math.floor(Date.now() / 1000 / D) * D - 40 * D;
    await write(resultsFor(siteId, oldDay, 3_600, '++-+++-+++++++++++++++++'));
    const hoursOf = async () =>
      (await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM rollups_hourly WHERE site_id = $1`, [siteId]))[0].n;
    const read = () => Promise.all([uptime(siteId, between(oldDay + 2 * H + 900, oldDay + 7 * H)), series(siteId, between(oldDay + 5 * H, oldDay + 3 * D))]);
    const before = await read();
    expect(before[0]).toMatchObject({ from: iso(oldDay), to: iso(oldDay + D), checks: 24, up: 22 });
    expect(before[1]).toMatchObject({ bucket: '1d', from: iso(oldDay) });
    expect(before[1].points[0]).toMatchObject({ start: iso(oldDay), checks: 24 });
    expect(await hoursOf()).toBe(24);

    await housekeeping();

    expect(await hoursOf()).toBe(0);
    expect(await read()).toEqual(before);
  });

  it('keeps answers unchanged when retention removes raw results older than 30 days', async () => {
    const siteId = await site({ intervalSeconds: 600 });
    const old = Math.floor(Date.now() / 1000 / H) * H - 40 * D;
    await write([...resultsFor(siteId, old, 600, '++-+++-+'), ...resultsFor(siteId, old + 1_200, 600, '+-', { target: 'app' })]);
    const now = Math.floor(Date.now() / 1000);
    await write(resultsFor(siteId, now - (now % 600), 600, '+'));
    // Fixed ends, in the past: a window ending at "now" (or later, which the API caps to now) would move
    // between the two readings, the housekeeping run between them taking a second or more.
    const ranges = [between(now - 90 * D, now - (now % 600) + 1), between(old + 900, old + 7 * H), between(old - D, old + D)];
    const before = await Promise.all(ranges.map((range) => uptime(siteId, range)));
    expect(before[0]).toMatchObject({ checks: 9, up: 7, downtimeSeconds: 1_200 });

    const run = await housekeeping();

    expect(run).toMatchObject({ unpartitionedPurged: 10 });
    const [{ n: oldRows }] = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM check_results WHERE site_id = $1 AND slot < now() - interval '30 days'`, [siteId]);
    expect(oldRows).toBe(0);
    expect(await Promise.all(ranges.map((range) => uptime(siteId, range)))).toEqual(before);
  });
});
