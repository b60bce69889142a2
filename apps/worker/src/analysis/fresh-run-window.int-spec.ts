import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AnalysisRepository, CheckResultRepository, dataSourceOptions, IncidentWrite, NewCheckResult, UnitOfWork } from '@hopwatch/db';
import { loadConfig } from '@hopwatch/platform';
import { insertSite, resultsFor } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { AnalyzerService } from './analyzer.service';
import { freshlyStoredRun } from './observed-runs';

const INTERVAL = 60;
const NOW = new Date('2026-01-01T12:00:00Z');
const slotsAgo = (count: number) => NOW.getTime() / 1000 - count * INTERVAL;

/** A decision with its root-joining rule reduced to whether it has one: a new closure each time, over fields compared anyway. */
const comparable = (write: IncidentWrite | null) => write && { ...write, joinRoot: write.joinRoot !== undefined };

describe('the analyzer given the run the worker just stored', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let results: CheckResultRepository;
  let analysis: AnalysisRepository;
  let unitOfWork: UnitOfWork;
  let analyzer: AnalyzerService;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 4)).initialize();
    results = new CheckResultRepository(dataSource);
    analysis = new AnalysisRepository(dataSource);
    unitOfWork = new UnitOfWork(dataSource);
    analyzer = new AnalyzerService(analysis, loadConfig({}), unitOfWork);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  /** The entry and a hop of one run, failing or not. */
  const runRows = (siteId: string, region: string, slot: number, ok: boolean): NewCheckResult[] => [
    ...resultsFor(siteId, slot, INTERVAL, ok ? '+' : '-', { region }),
    ...resultsFor(siteId, slot, INTERVAL, ok ? '+' : '-', { region, target: 'origin' }),
  ];

  const since = new Date(NOW.getTime() - 20 * INTERVAL * 1000);
  const inputs = (siteId: string, without: { region: string; slot: number } | null = null) =>
    unitOfWork.run((tx) => analysis.inputs(tx, siteId, since, without));

  it.each([
    { name: 'a first failure on a healthy window', older: { east: '++++++++', west: '++++++++' }, fresh: false, opens: false },
    { name: 'a second failure in a row', older: { east: '+++++++-', west: '++++++++' }, fresh: false, opens: true },
    { name: 'a failing run after intermittent 502s in both regions', older: { east: '+-++-+-+', west: '++-+++-+' }, fresh: false, opens: true },
    { name: 'a healthy run after intermittent 502s', older: { east: '+-+-+-+-', west: '++++++++' }, fresh: true, opens: true },
    { name: 'a region seen for the first time', older: { west: '-+-+-+-+' }, fresh: false, opens: true },
  ])('decides as it would from the database alone: $name', async ({ older, fresh, opens }) => {
    const siteId = await insertSite(dataSource, { intervalSeconds: INTERVAL, regions: ['east', 'west'] });
    for (const [region, marks] of Object.entries(older)) {
      await results.insertMany([...resultsFor(siteId, slotsAgo(9), INTERVAL, marks, { region }), ...resultsFor(siteId, slotsAgo(9), INTERVAL, marks, { region, target: 'origin' })]);
    }
    const rows = runRows(siteId, 'east', slotsAgo(1), fresh);
    await results.insertMany(runRows(siteId, 'west', slotsAgo(1), true));
    const run = freshlyStoredRun(rows, await results.insertEach(rows));
    expect(run).not.toBeNull();

    const windowWithout = await inputs(siteId, run);
    const wholeWindow = await inputs(siteId);
    expect(windowWithout?.results.some((row) => row.region === 'east' && row.slot.getTime() === slotsAgo(1) * 1000)).toBe(false);
    expect(wholeWindow?.results.length).toBe((windowWithout?.results.length ?? 0) + rows.length);

    const fromWorker = analyzer.decide(windowWithout!, NOW, run);
    expect(comparable(fromWorker)).toEqual(comparable(analyzer.decide(wholeWindow!, NOW)));
    expect(fromWorker?.events ?? []).toEqual(opens ? ['incident.opened'] : []);
  });

  it('hands over no run when its results were already stored by an earlier attempt', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const rows = runRows(siteId, 'default', slotsAgo(1), false);
    const firstIds = await results.insertEach(rows);
    expect(firstIds.every((id) => id !== null)).toBe(true);
    expect(await results.insertEach(rows)).toEqual([null, null]);
    expect(freshlyStoredRun(rows, [firstIds[0], null])).toBeNull();
  });

  it('names each result once when one batch repeats it', async () => {
    const siteId = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const [entry] = runRows(siteId, 'default', slotsAgo(2), true);
    const ids = await results.insertEach([entry, entry]);
    expect(ids[0]).toMatch(/^\d+$/);
    expect(ids[1]).toBeNull();
  });
});
