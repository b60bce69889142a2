import { EntityManager } from 'typeorm';
import { useTestDataSource } from '../../../../test/support/test-data-source';
import { Transaction } from '../unit-of-work';
import { ScheduleRepository } from './schedule.repository';

const SITES = 3_000;
const DUE = 600;

describe('claiming due sites', () => {
  const dataSource = useTestDataSource(3);

  beforeAll(async () => {
    // DUE sites due a second apart in the past, the rest not due for up to a minute, one due site paused.
    await dataSource().query(
      `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                          alert_channel_ids, confirmations, recoveries, paused, next_run_at)
       SELECT 'site-' || n, 'https://shop.example.com/', 'GET', 60, 10000, '200-399', '{default}', '{}', '{}', '{}', 2, 2, n = 1,
              CASE WHEN n <= $2 THEN now() - make_interval(secs => $2 - n + 1) ELSE now() + make_interval(secs => n % 60 + 1) END
         FROM generate_series(1, $1) AS n`,
      [SITES, DUE],
    );
    await dataSource().query('ANALYZE sites');
  });

  /** Runs `lockDue` in a transaction, recording the statements it sends. */
  async function claim(limit: number) {
    const statements: Array<{ sql: string; parameters: unknown[] }> = [];
    const rows = await dataSource().transaction(async (manager) => {
      const recording = Object.create(manager) as EntityManager;
      recording.query = (sql: string, parameters?: unknown[]) => {
        statements.push({ sql, parameters: parameters ?? [] });
        return manager.query(sql, parameters);
      };
      return new ScheduleRepository(dataSource()).lockDue(new Transaction(recording), limit);
    });
    return { rows, statements };
  }

  it('takes the longest-due unpaused sites first, at most the limit', async () => {
    const { rows } = await claim(100);
    expect(rows).toHaveLength(100);
    const names: Array<{ name: string }> = await dataSource().query(`SELECT name FROM sites WHERE id = ANY($1) ORDER BY next_run_at`, [rows.map((row) => row.id)]);
    expect(names.map((row) => row.name)).toEqual(Array.from({ length: 100 }, (_, index) => `site-${index + 2}`));
    expect(rows.map((row) => row.nextRunAt)).toEqual([...rows.map((row) => row.nextRunAt)].sort((a, b) => a - b));
  });

  it('walks the due index in order and stops at the limit, never scanning and sorting every site', async () => {
    const { statements } = await claim(50);
    expect(statements).toHaveLength(1);
    const plan: Array<{ 'QUERY PLAN': string }> = await dataSource().transaction((manager) =>
      manager.query(`EXPLAIN (ANALYZE, FORMAT TEXT) ${statements[0].sql}`, statements[0].parameters),
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Scan using sites_due on sites/);
    expect(text).not.toMatch(/Sort|Seq Scan|Bitmap/);
    // Rows the scan produced before the limit stopped it: about the limit, not the DUE sites that qualify.
    const scanned = Number(/Index Scan using sites_due on sites .*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(text)?.[1]);
    expect(scanned).toBeLessThanOrEqual(51);
  });
});
