import 'reflect-metadata';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AnalysisRepository, CheckResultRepository, dataSourceOptions, NewCheckResult, ScheduleMirrorRepository, UnitOfWork } from '@hopwatch/db';
import { DependencyMonitor, ResultBuffer } from '@hopwatch/runtime';
import { insertSite, resultsFor } from '../../../../test/support/history-fixtures';
import { testConfig } from '../../../../test/support/test-config';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { AnalyzerService } from '../analysis/analyzer.service';
import { ResultDrainer } from './result-drainer.service';

const INTERVAL = 10;

describe('ResultDrainer (real Postgres and Redis)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let redis: Redis;
  let buffer: ResultBuffer;
  let results: CheckResultRepository;
  let drainers: ResultDrainer[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url, { HOPWATCH_RESULT_BUFFER_MAX: '50' });
    dataSource = await new DataSource(dataSourceOptions(database.url, 4)).initialize();
    redis = new Redis(config.redisUrl);
    buffer = new ResultBuffer(redis, config);
    results = new CheckResultRepository(dataSource);
    const analysis = new AnalysisRepository(dataSource);
    const analyzer = new AnalyzerService(analysis, config, new UnitOfWork(dataSource));
    const monitor = {} as DependencyMonitor;
    const drainer = () => new ResultDrainer(buffer, results, new ScheduleMirrorRepository(dataSource), analysis, analyzer, monitor, redis, config);
    drainers = [drainer(), drainer()];
  });

  afterAll(async () => {
    await redis.del(buffer.key);
    await redis.quit();
    await dataSource.destroy();
    await database.drop();
  });

  /** One run per mark ('+' up, '-' down), entry and one hop, its slots `INTERVAL` apart, ending a slot ago. */
  const runs = (siteId: string, marks: string): NewCheckResult[][] => {
    const firstSlot = Math.floor(Date.now() / 1000) - marks.length * INTERVAL;
    return [...marks].map((mark, index) => [
      ...resultsFor(siteId, firstSlot + index * INTERVAL, INTERVAL, mark),
      ...resultsFor(siteId, firstSlot + index * INTERVAL, INTERVAL, mark, { target: 'origin' }),
    ]);
  };

  const stored = async (siteId: string) =>
    dataSource.query(`SELECT extract(epoch FROM slot)::int AS slot, target FROM check_results WHERE site_id = $1 ORDER BY slot, target`, [siteId]);

  it('stores every buffered run once, in slot order, and opens the incident at its first failed check with its notice', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const outage = runs(siteId, '+++---');
    // Finished out of order (a slow check), and one run already stored before the outage began.
    const arrival = [outage[0], outage[1], outage[2], outage[4], outage[5], outage[3]];
    await results.insertMany(outage[0]);
    for (const rows of arrival) expect(await buffer.append({ rows, intervalSeconds: INTERVAL })).toBe(true);

    const drained = await Promise.all(drainers.map((drainer) => drainer.drainIfDue()));

    expect(drained.reduce((sum, count) => sum + count, 0)).toBe(6);
    expect(await buffer.length()).toBe(0);
    expect(await stored(siteId)).toHaveLength(12);
    const [incident] = await dataSource.query(`SELECT id, status, started_at FROM incidents WHERE site_id = $1`, [siteId]);
    expect(incident.status).toBe('open');
    expect(incident.started_at.getTime()).toBe(outage[3][0].slot * 1000);
    const events = await dataSource.query(`SELECT type FROM incident_events WHERE incident_id = $1`, [incident.id]);
    expect(events.map((event: { type: string }) => event.type)).toEqual(['incident.opened']);
  });

  it('drops the runs of a site deleted meanwhile and still stores the others', async () => {
    const kept = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const deleted = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    for (const rows of [...runs(kept, '++'), ...runs(deleted, '++')]) await buffer.append({ rows, intervalSeconds: INTERVAL });
    await dataSource.query('DELETE FROM sites WHERE id = $1', [deleted]);

    expect(await drainers[0].drainIfDue()).toBe(2);
    expect(await buffer.length()).toBe(0);
    expect(await stored(kept)).toHaveLength(4);
  });

  it('drops a run Postgres refuses (not for being away) and stores the rest of its slot', async () => {
    const good = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const bad = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const [goodRun] = runs(good, '+');
    const [badRun] = runs(bad, '+');
    await buffer.append({ rows: goodRun, intervalSeconds: INTERVAL });
    await buffer.append({ rows: badRun.map((row) => ({ ...row, status: 70_000 })), intervalSeconds: INTERVAL });

    expect(await drainers[0].drainIfDue()).toBe(1);
    expect(await buffer.length()).toBe(0);
    expect([await stored(good), await stored(bad)].map((rows) => rows.length)).toEqual([2, 0]);
  });

  it('refuses runs past HOPWATCH_RESULT_BUFFER_MAX instead of trimming the oldest', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const [rows] = runs(siteId, '+');
    for (let index = 0; index < 50; index++) expect(await buffer.append({ rows, intervalSeconds: INTERVAL })).toBe(true);
    expect(await buffer.append({ rows, intervalSeconds: INTERVAL })).toBe(false);
    expect(await buffer.length()).toBe(50);
    expect(await drainers[1].drainIfDue()).toBe(50);
    expect(await stored(siteId)).toHaveLength(2);
  });
});
