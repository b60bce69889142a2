// The outbox holds notices of incidents other sites may join, so they list the sites that join meanwhile; never
// past the detection deadline, and a root's update only until its joins pause.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { insertSite } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { dataSourceOptions } from '../data-source-options';
import { UnitOfWork } from '../unit-of-work';
import { NotificationOutboxRepository } from './notification-outbox.repository';

const GROUPING = 10;
const HOLDS = { resolveQuietSeconds: 120, groupingSeconds: GROUPING, settleCapSeconds: 300 };

type IncidentRow = { keys?: string[]; startedSecondsAgo?: number; rootId?: string | null; confirmedSecondsAgo?: number };

describe('the grouping hold on incident notices', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  const outbox = new NotificationOutboxRepository();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
    unitOfWork = new UnitOfWork(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  // a site checked every 60 s, confirmed after 2 failures: its notice must be out 122 s after the fault, which may
  // have come up to 60 s before the first failed check
  async function incident({ keys = [], startedSecondsAgo = 5, rootId = null, confirmedSecondsAgo = 0 }: IncidentRow): Promise<{ id: string; siteId: string }> {
    const siteId = await insertSite(dataSource, { intervalSeconds: 60 });
    const [row] = await dataSource.query(
      `INSERT INTO incidents (site_id, status, pattern, regions, started_at, confirmed_at, cause, gateway, confidence, diagnosis, shared_hop_keys, root_incident_id)
       VALUES ($1, 'open', 'persistent', '{default}', now() - make_interval(secs => $2), now() - make_interval(secs => $3), 'origin_down', 'nginx', 0.9, '{}', $4, $5)
       RETURNING id`,
      [siteId, startedSecondsAgo, confirmedSecondsAgo, keys, rootId],
    );
    return { id: row.id, siteId };
  }

  async function event(of: { id: string; siteId: string }, type: string, secondsAgo: number): Promise<string> {
    const [row] = await dataSource.query(
      `INSERT INTO incident_events (incident_id, site_id, type, created_at) VALUES ($1, $2, $3, now() - make_interval(secs => $4)) RETURNING id`,
      [of.id, of.siteId, type, secondsAgo],
    );
    return String(row.id);
  }

  async function taken(): Promise<string[]> {
    const events = await unitOfWork.run((tx) => outbox.takePending(tx, 1000, HOLDS));
    return events.map((pending) => String(pending.id));
  }

  const KEYS = ['address:10.0.0.9:443'];

  it.each([
    { name: 'an opened notice of an incident nobody can join goes at once', row: {}, type: 'incident.opened', age: 0, held: false },
    { name: 'an opened notice of a joinable incident waits for the grouping window', row: { keys: KEYS }, type: 'incident.opened', age: 2, held: true },
    { name: 'and goes once the window is over', row: { keys: KEYS }, type: 'incident.opened', age: GROUPING + 1, held: false },
    { name: 'until the detection deadline', row: { keys: KEYS, startedSecondsAgo: 55 }, type: 'incident.opened', age: 2, held: true },
    { name: 'and never past it', row: { keys: KEYS, startedSecondsAgo: 63 }, type: 'incident.opened', age: 2, held: false },
  ])('$name', async ({ row, type, age, held }) => {
    const id = await event(await incident(row), type, age);
    expect((await taken()).includes(id)).toBe(!held);
  });

  describe("a root's updated notice", () => {
    async function rootWithMemberJoined(secondsAgo: number) {
      const root = await incident({ keys: KEYS, startedSecondsAgo: 300 });
      await incident({ keys: KEYS, rootId: root.id, confirmedSecondsAgo: secondsAgo });
      return root;
    }

    it('waits while sites keep joining', async () => {
      const id = await event(await rootWithMemberJoined(1), 'incident.updated', 20);
      expect(await taken()).not.toContain(id);
    });

    it('goes once the joins have paused for the grouping window', async () => {
      const id = await event(await rootWithMemberJoined(GROUPING + 2), 'incident.updated', 20);
      expect(await taken()).toContain(id);
    });

    it('goes after the settle cap however many keep joining', async () => {
      const id = await event(await rootWithMemberJoined(1), 'incident.updated', HOLDS.settleCapSeconds + 1);
      expect(await taken()).toContain(id);
    });
  });

  it('holds nothing with a grouping window of 0', async () => {
    const id = await event(await incident({ keys: KEYS }), 'incident.opened', 0);
    const events = await unitOfWork.run((tx) => outbox.takePending(tx, 1000, { ...HOLDS, groupingSeconds: 0, settleCapSeconds: 0 }));
    expect(events.map((pending) => String(pending.id))).toContain(id);
  });
});
