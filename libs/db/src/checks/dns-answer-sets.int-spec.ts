import type { DnsInfo } from '@hopwatch/domain';
import { aResult, insertSite } from '../../../../test/support/history-fixtures';
import { useTestDataSource } from '../../../../test/support/test-data-source';
import { MIGRATIONS_TABLE } from '../data-source-options';
import { CheckResultRepository } from './check-result.repository';
import { NewCheckResult } from './check-result.types';

const SLOT = 1_699_920_000;
const RESOLVER = '127.0.0.53';

function resolverCheck(siteId: string, slot: number, dns: Partial<DnsInfo> & { ok?: boolean } = {}): NewCheckResult {
  const { ok = true, ...info } = dns;
  return {
    ...aResult(siteId, slot, { target: `dns:${info.resolver ?? RESOLVER}`, ok, status: null, errorCode: ok ? null : 'DNS_SERVFAIL' }),
    kind: 'dns',
    remoteAddress: RESOLVER,
    headers: {},
    timings: { dnsMs: 2.5, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 2.5 },
    dns: { resolver: RESOLVER, hostname: 'shop.example.test', rcode: ok ? 'NOERROR' : 'SERVFAIL', answers: ok ? ['127.0.0.10', '127.0.0.11'] : [], disagreement: false, ...info },
  };
}

describe('DNS answers stored by reference', () => {
  const dataSource = useTestDataSource(2);

  const read = (siteId: string) =>
    dataSource().query(`SELECT slot, target, ok, remote_address, dns FROM check_results WHERE site_id = $1 ORDER BY slot, target`, [siteId]);
  const stored = (siteId: string) =>
    dataSource().query(
      `SELECT result.dns IS NOT NULL AS own_jsonb, result.answer_set_id
         FROM probe_results AS result JOIN probe_series AS series ON series.id = result.series_id
        WHERE series.site_id = $1 ORDER BY result.slot, series.target`,
      [siteId],
    );
  const expected = (result: NewCheckResult) => ({ slot: new Date(result.slot * 1000), target: result.target, ok: result.ok, remote_address: result.remoteAddress, dns: result.dns });

  it('reads a healthy resolver check back exactly as it was given, from one shared set per host name and answers', async () => {
    const siteId = await insertSite(dataSource());
    const otherSite = await insertSite(dataSource());
    const checks = [resolverCheck(siteId, SLOT), resolverCheck(siteId, SLOT + 60), resolverCheck(otherSite, SLOT)];

    await new CheckResultRepository(dataSource()).insertMany(checks);
    await new CheckResultRepository(dataSource()).insertMany([resolverCheck(siteId, SLOT + 120)]);

    expect(await read(siteId)).toEqual([checks[0], checks[1], resolverCheck(siteId, SLOT + 120)].map(expected));
    expect(await read(otherSite)).toEqual([expected(checks[2])]);
    const rows = await stored(siteId);
    expect(rows.map((row: { own_jsonb: boolean }) => row.own_jsonb)).toEqual([false, false, false]);
    expect(new Set(rows.map((row: { answer_set_id: number }) => row.answer_set_id)).size).toBe(1);
    const [{ count }] = await dataSource().query(`SELECT count(*)::int AS count FROM dns_answer_sets WHERE hostname = 'shop.example.test'`);
    expect(count).toBe(1);
  });

  it('keeps its own answer for a failure, a disagreement, another resolver than its target names and an HTTP check', async () => {
    const siteId = await insertSite(dataSource());
    const checks = [
      resolverCheck(siteId, SLOT, { ok: false }),
      resolverCheck(siteId, SLOT + 60, { disagreement: true }),
      { ...resolverCheck(siteId, SLOT + 120), target: 'dns:127.0.0.54' },
    ];

    await new CheckResultRepository(dataSource()).insertMany([...checks, aResult(siteId, SLOT)]);

    expect(await read(siteId)).toEqual([...checks.slice(0, 1), aResult(siteId, SLOT), ...checks.slice(1, 2), checks[2]].map(expected));
    expect((await stored(siteId)).every((row: { answer_set_id: number | null }) => row.answer_set_id === null)).toBe(true);
  });

  it('puts each answer back on its row when the migration is undone', async () => {
    const siteId = await insertSite(dataSource());
    const checks = [resolverCheck(siteId, SLOT), resolverCheck(siteId, SLOT + 60, { answers: ['127.0.0.12'] })];
    await new CheckResultRepository(dataSource()).insertMany(checks);

    while ((await dataSource().query(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE name = 'DnsAnswerSets1795301700000'`)).length > 0) {
      await dataSource().undoLastMigration();
    }
    try {
      expect(await read(siteId)).toEqual(checks.map(expected));
    } finally {
      await dataSource().runMigrations();
    }
    expect(await read(siteId)).toEqual(checks.map(expected));
  });

  it('files a set once when two writers meet it at the same time', async () => {
    const sites = await Promise.all(Array.from({ length: 20 }, () => insertSite(dataSource())));
    const batch = (slot: number) => sites.map((siteId) => resolverCheck(siteId, slot, { hostname: 'race.example.test', answers: ['127.0.0.20'] }));

    await Promise.all([new CheckResultRepository(dataSource()).insertMany(batch(SLOT)), new CheckResultRepository(dataSource()).insertMany(batch(SLOT + 60))]);

    const [{ sets }] = await dataSource().query(`SELECT count(*)::int AS sets FROM dns_answer_sets WHERE hostname = 'race.example.test'`);
    expect(sets).toBe(1);
    const [{ byReference }] = await dataSource().query(
      `SELECT count(*)::int AS "byReference" FROM probe_results AS result JOIN probe_series AS series ON series.id = result.series_id
        WHERE series.site_id = ANY($1::uuid[]) AND result.answer_set_id IS NOT NULL`,
      [sites],
    );
    expect(byReference).toBe(40);
  });
});
