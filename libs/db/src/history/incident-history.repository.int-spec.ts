import { insertSite } from '../../../../test/support/history-fixtures';
import { useTestDataSource } from '../../../../test/support/test-data-source';
import { IncidentHistoryRepository } from './incident-history.repository';

const T = 1_700_000_000;

describe('incidents in a range', () => {
  const dataSource = useTestDataSource(1, 'each');

  async function anIncident(siteId: string, startedAt: number, resolvedAt: number | null, summary: string): Promise<void> {
    await dataSource().query(
      `INSERT INTO incidents (site_id, status, pattern, regions, started_at, resolved_at, cause, gateway, confidence, diagnosis)
       VALUES ($1, $2, 'persistent', '{default}', to_timestamp($3), to_timestamp($4), 'origin_down', 'nginx', 0.9, $5)`,
      [siteId, resolvedAt === null ? 'open' : 'resolved', startedAt, resolvedAt, JSON.stringify({ cause: 'origin_down', summary })],
    );
  }

  it('list the incidents open at any time in the range, oldest first', async () => {
    const siteId = await insertSite(dataSource());
    await anIncident(siteId, T - 500, T - 100, 'over before the range');
    await anIncident(siteId, T - 200, T + 50, 'runs into the range');
    await anIncident(siteId, T + 100, T + 200, 'inside the range');
    await anIncident(siteId, T + 900, null, 'still open');
    await anIncident(siteId, T + 1_000, T + 1_100, 'starts at the end of the range');
    const incidents = await new IncidentHistoryRepository(dataSource()).inRange(siteId, T, T + 1_000);
    expect(incidents.map((incident) => incident.summary)).toEqual(['runs into the range', 'inside the range', 'still open']);
    expect(incidents[0]).toMatchObject({ status: 'resolved', pattern: 'persistent', cause: 'origin_down', startedAt: new Date((T - 200) * 1000) });
  });
});
