// A root incident against a real database: it outlives its own site's recovery, ends with its last member, and a
// member failing again after the root ended reopens the root (resolution still held back) or speaks for itself.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AnalysisRepository, CheckResultRepository, dataSourceOptions, UnitOfWork } from '@hopwatch/db';
import { loadConfig } from '@hopwatch/platform';
import { aResult, insertSite } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { AnalyzerService } from './analyzer.service';

const INTERVAL = 30;
const T0 = Math.floor(Date.parse('2026-01-01T12:00:00Z') / 1000);

type Row = { id: string; status: string; root_incident_id: string | null; resolved_at: Date | null; state: { awaitingMembers?: boolean } };

describe('a root incident and its members', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let results: CheckResultRepository;
  let analyzer: AnalyzerService;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 4)).initialize();
    results = new CheckResultRepository(dataSource);
    // a failure within two minutes of a resolution reopens the same incident
    analyzer = new AnalyzerService(new AnalysisRepository(dataSource), loadConfig({ HOPWATCH_RESOLVE_QUIET_SECONDS: '120' }), new UnitOfWork(dataSource));
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  /** Where each site's entry is reached: each pair of sites shares its own address, apart from the other tests'. */
  const reachedAt = new Map<string, string>();

  /** One slot for each site: `+` answered 200, `-` answered 500 (not a gateway status: only the confirmations rule opens). */
  async function slot(index: number, marks: Record<string, '+' | '-'>): Promise<void> {
    const at = T0 + index * INTERVAL;
    for (const [siteId, mark] of Object.entries(marks)) {
      await results.insertMany([{ ...aResult(siteId, at, { ok: mark === '+', status: mark === '+' ? 200 : 500 }), remoteAddress: reachedAt.get(siteId)! }]);
      await analyzer.analyze(siteId, INTERVAL, new Date((at + 1) * 1000));
    }
  }

  const incidentsOf = (siteId: string) => dataSource.query<Row[]>(`SELECT id, status, root_incident_id, resolved_at, state FROM incidents WHERE site_id = $1 ORDER BY started_at`, [siteId]);
  const eventsOf = async (incidentId: string) => (await dataSource.query<Array<{ type: string }>>(`SELECT type FROM incident_events WHERE incident_id = $1 ORDER BY id`, [incidentId])).map((row) => row.type);
  const timelineOf = (incidentId: string) => dataSource.query<Array<{ kind: string; message: string }>>(`SELECT kind, message FROM incident_timeline WHERE incident_id = $1 ORDER BY id`, [incidentId]);

  /** Two bare sites reached at one address, both failing there with 500: the first is the root, the second its member. */
  async function rootAndMember(): Promise<{ rootSite: string; memberSite: string; root: Row; member: Row }> {
    const [rootSite, memberSite] = [await insertSite(dataSource, { intervalSeconds: INTERVAL }), await insertSite(dataSource, { intervalSeconds: INTERVAL })];
    const address = `10.0.${reachedAt.size}.1`;
    for (const siteId of [rootSite, memberSite]) reachedAt.set(siteId, address);
    await slot(0, { [rootSite]: '-', [memberSite]: '-' });
    await slot(1, { [rootSite]: '-', [memberSite]: '-' });
    const [[root], [member]] = [await incidentsOf(rootSite), await incidentsOf(memberSite)];
    expect(member.root_incident_id).toBe(root.id);
    return { rootSite, memberSite, root, member };
  }

  it('stays open when its own site recovers first, and resolves with its last member, saying how many sites it affected', async () => {
    const { rootSite, memberSite, root } = await rootAndMember();
    await slot(2, { [rootSite]: '+', [memberSite]: '-' });
    await slot(3, { [rootSite]: '+', [memberSite]: '-' });
    const [waiting] = await incidentsOf(rootSite);
    expect(waiting).toMatchObject({ status: 'open', state: { awaitingMembers: true } });
    expect((await timelineOf(root.id)).at(-1)?.message).toMatch(/^This site recovered, but 1 other site still fails at the shared hop/);
    expect(await eventsOf(root.id)).not.toContain('incident.resolved');

    await slot(4, { [rootSite]: '+', [memberSite]: '+' });
    await slot(5, { [rootSite]: '+', [memberSite]: '+' });
    const [[ended], [member]] = [await incidentsOf(rootSite), await incidentsOf(memberSite)];
    expect(member.status).toBe('resolved');
    expect(ended).toMatchObject({ status: 'resolved', state: { awaitingMembers: false } });
    expect(ended.resolved_at!.getTime()).toBeGreaterThanOrEqual(member.resolved_at!.getTime());
    expect((await timelineOf(root.id)).at(-1)).toMatchObject({ kind: 'resolved', message: expect.stringContaining('It affected 2 sites failing at that shared hop') });
    expect(await eventsOf(root.id)).toEqual(['incident.opened', 'incident.updated', 'incident.resolved']);
    expect(await eventsOf(member.id)).toEqual([]);
  });

  it('reopens, quietly, when a member fails again before the resolution was announced', async () => {
    const { rootSite, memberSite, root, member } = await rootAndMember();
    await slot(2, { [rootSite]: '+', [memberSite]: '+' });
    await slot(3, { [rootSite]: '+', [memberSite]: '+' });
    expect((await incidentsOf(rootSite))[0].status).toBe('resolved');
    await slot(4, { [memberSite]: '-' });
    await slot(5, { [memberSite]: '-' });
    const [[reopened], [again]] = [await incidentsOf(rootSite), await incidentsOf(memberSite)];
    expect(again).toMatchObject({ id: member.id, status: 'open', root_incident_id: root.id });
    expect(reopened).toMatchObject({ status: 'open', resolved_at: null, state: { awaitingMembers: true } });
    expect((await timelineOf(root.id)).at(-1)).toMatchObject({ kind: 'reopened' });
    expect(await eventsOf(member.id)).toEqual([]);
  });

  it('lets the member speak for itself once the root was announced as over', async () => {
    const { rootSite, memberSite, root, member } = await rootAndMember();
    await slot(2, { [rootSite]: '+', [memberSite]: '+' });
    await slot(3, { [rootSite]: '+', [memberSite]: '+' });
    await dataSource.query(`UPDATE incident_events SET dispatched_at = now(), outcome = replace(type, 'incident.', '') WHERE incident_id = $1`, [root.id]);
    await slot(4, { [memberSite]: '-' });
    await slot(5, { [memberSite]: '-' });
    const [[ended], [alone]] = [await incidentsOf(rootSite), await incidentsOf(memberSite)];
    expect(ended.status).toBe('resolved');
    expect(alone).toMatchObject({ id: member.id, status: 'open', root_incident_id: null });
    expect(await eventsOf(member.id)).toEqual(['incident.opened']);
  });

  it('leaves an ended root alone when a member site fails again long after, as a new incident', async () => {
    const { rootSite, memberSite, root } = await rootAndMember();
    await slot(2, { [rootSite]: '+', [memberSite]: '+' });
    await slot(3, { [rootSite]: '+', [memberSite]: '+' });
    // five minutes on: past the two-minute quiet period, so this is a new incident, not the member reopening
    await slot(13, { [memberSite]: '-' });
    await slot(14, { [memberSite]: '-' });
    const [[ended], incidents] = [await incidentsOf(rootSite), await incidentsOf(memberSite)];
    expect(ended).toMatchObject({ id: root.id, status: 'resolved' });
    expect(incidents).toHaveLength(2);
    expect(incidents[1]).toMatchObject({ status: 'open', root_incident_id: null });
    expect(await eventsOf(incidents[1].id)).toEqual(['incident.opened']);
  });

  it('ends when its last member ended, whichever member committed last', async () => {
    const { rootSite, memberSite, root } = await rootAndMember();
    const otherSite = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    reachedAt.set(otherSite, reachedAt.get(rootSite)!);
    await slot(1, { [otherSite]: '-' });
    await slot(2, { [rootSite]: '+', [memberSite]: '-', [otherSite]: '-' });
    await slot(3, { [rootSite]: '+', [memberSite]: '-', [otherSite]: '-' });
    expect((await incidentsOf(otherSite))[0].root_incident_id).toBe(root.id);
    await slot(4, { [memberSite]: '+', [otherSite]: '+' });
    // the member with the later clock commits first; the other one, whose clock is behind, is the last to commit
    const at = T0 + 5 * INTERVAL;
    for (const siteId of [memberSite, otherSite]) await results.insertMany([{ ...aResult(siteId, at, { ok: true }), remoteAddress: reachedAt.get(siteId)! }]);
    await analyzer.analyze(memberSite, INTERVAL, new Date((at + 20) * 1000));
    await analyzer.analyze(otherSite, INTERVAL, new Date((at + 2) * 1000));
    const [[ended], [member]] = [await incidentsOf(rootSite), await incidentsOf(memberSite)];
    expect(ended.status).toBe('resolved');
    expect(ended.resolved_at).toEqual(member.resolved_at);
  });
});
