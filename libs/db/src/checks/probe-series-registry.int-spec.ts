import { aResult, insertSite } from '../../../../test/support/history-fixtures';
import { useTestDataSource } from '../../../../test/support/test-data-source';
import { ProbeSeriesRegistry } from './probe-series-registry';

const SLOT = 1_699_920_000;

describe('ProbeSeriesRegistry', () => {
  const dataSource = useTestDataSource(4);

  const lastAnalyzed = async () =>
    (await dataSource().query(`SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'probe_series'`))[0].last_analyze as Date | null;
  /** How many series the planner expects one site to have. */
  const estimatedSeriesOf = async (siteId: string) => {
    const [plan] = await dataSource().query(`EXPLAIN (FORMAT JSON) SELECT id FROM probe_series WHERE site_id = $1`, [siteId]);
    return plan['QUERY PLAN'][0].Plan['Plan Rows'] as number;
  };

  it('files each series once, and refreshes the statistics once the table has grown by a thousand series', async () => {
    const registry = new ProbeSeriesRegistry(dataSource());
    const sites = await Promise.all(Array.from({ length: 300 }, () => insertSite(dataSource())));
    const runOf = (siteId: string) => ['entry', 'proxy', 'app', 'dns:127.0.0.1'].map((target) => aResult(siteId, SLOT, { target }));

    await registry.file(sites.slice(0, 10).flatMap(runOf));
    await registry.file(sites.slice(0, 10).flatMap(runOf));
    await registry.settled();
    expect(await lastAnalyzed()).toBeNull();

    await registry.file(sites.flatMap(runOf));
    await registry.settled();
    const [{ count }] = await dataSource().query('SELECT count(*)::int AS count FROM probe_series');
    expect(count).toBe(1_200);
    expect(await lastAnalyzed()).not.toBeNull();
    expect(await estimatedSeriesOf(sites[0])).toBeLessThanOrEqual(10);
  });
});
