import { insertSite } from '../../../../test/support/history-fixtures';
import { useTestDataSource } from '../../../../test/support/test-data-source';
import { MIGRATIONS_TABLE } from '../data-source-options';
import { IncidentRepository } from '../incidents/incident.repository';

const COMPACT = 'CompactPartitionedResults1795301640000';
const SLOT = '2026-11-20T10:00:00Z';

describe('the migration that moves raw results into compact day partitions', () => {
  const dataSource = useTestDataSource(1);

  async function undoThrough(name: string): Promise<void> {
    while ((await dataSource().query(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE name = $1`, [name])).length > 0) await dataSource().undoLastMigration();
  }

  async function insertLegacyResult(siteId: string, target: string, ok: boolean): Promise<string> {
    const [{ id }] = await dataSource().query(
      `INSERT INTO check_results (site_id, target, kind, region, slot, started_at, ok, status, error_code, error_message, dns_ms,
                                  connect_ms, tls_ms, ttfb_ms, total_ms, remote_address, headers, body_snippet, tls, dns, gateway)
       VALUES ($1, $2, 'http', 'eu', $3, $3::timestamptz + interval '1.25 seconds', $4, $5, $6, NULL, 1.5, 2.25, NULL, 40.5, 41.75,
               '10.0.0.10', '{"server": "nginx"}', $7, NULL, NULL, $8)
       RETURNING id`,
      [siteId, target, SLOT, ok, ok ? 200 : 502, ok ? null : 'STATUS_MISMATCH', ok ? null : '<h1>502 Bad Gateway</h1>', ok ? null : 'nginx'],
    );
    return id;
  }

  const evidenceIds = async (incidentId: string): Promise<string[]> =>
    (await dataSource().query(`SELECT diagnosis -> 'evidence' -> 0 -> 'resultIds' AS ids FROM incidents WHERE id = $1`, [incidentId]))[0].ids;

  const stored = (siteId: string) =>
    dataSource().query(
      `SELECT target, kind, region, slot, started_at, ok, status, error_code, dns_ms, connect_ms, ttfb_ms, total_ms, remote_address,
              headers, body_snippet, gateway FROM check_results WHERE site_id = $1 ORDER BY target`,
      [siteId],
    );

  it('converts every result, drops what a success does not need, follows incident evidence to the new ids, and goes back down', async () => {
    await undoThrough(COMPACT);
    const siteId = await insertSite(dataSource());
    const healthyId = await insertLegacyResult(siteId, 'app', true);
    const failingId = await insertLegacyResult(siteId, 'entry', false);
    const before = await stored(siteId);
    const [{ id: incidentId }] = await dataSource().query(
      `INSERT INTO incidents (site_id, status, pattern, regions, started_at, cause, gateway, confidence, diagnosis)
       VALUES ($1, 'open', 'sustained', '{eu}', $2, 'origin_error', 'nginx', 0.9, $3) RETURNING id`,
      [siteId, SLOT, JSON.stringify({ summary: 'entry answered 502', evidence: [{ observation: 'entry answered 502', resultIds: [failingId, healthyId] }] })],
    );

    await dataSource().runMigrations();

    const after = await stored(siteId);
    expect(after).toEqual([{ ...before[0], headers: {} }, before[1]]);
    const movedIds = await evidenceIds(incidentId);
    expect(movedIds).not.toContain(failingId);
    const evidence = await new IncidentRepository(dataSource()).evidence(siteId, movedIds);
    expect(evidence.map((row) => [row.target, row.ok, row.headers])).toEqual([
      ['app', true, {}],
      ['entry', false, { server: 'nginx' }],
    ]);

    await undoThrough(COMPACT);
    expect(await stored(siteId)).toEqual(after);
    const restoredIds = await evidenceIds(incidentId);
    const restored = await dataSource().query(`SELECT id, target FROM check_results WHERE id = ANY($1::bigint[]) ORDER BY target`, [restoredIds]);
    expect(restored.map((row: { target: string }) => row.target)).toEqual(['app', 'entry']);
    await dataSource().runMigrations();
  });
});
