import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { startDnsServer, TestDnsServer } from '../support/dns-server';

type Row = { target: string; kind: string; ok: boolean; error_code: string | null; error_message: string | null; answers: string[] | null };

describe('dns sites: a name, a record type and the expected answers, on each resolver', () => {
  let pipeline: BootedPipeline;
  let primary: TestDnsServer;
  let secondary: TestDnsServer;

  beforeAll(async () => {
    const zone = {
      'shop.example.test': { A: ['192.0.2.10'] },
      'example.test': { TXT: ['v=spf1 -all'], MX: [{ preference: 10, exchange: 'mx.example.test' }] },
    };
    [primary, secondary] = await Promise.all([startDnsServer(zone), startDnsServer(zone)]);
    pipeline = await bootPipeline({ HOPWATCH_RESOLVE_QUIET_SECONDS: '0' });
  });

  afterAll(async () => {
    await pipeline.close();
    await Promise.all([primary.close(), secondary.close()]);
  });

  const rows = (siteId: string, target: string) =>
    pipeline.query<Row>(
      `SELECT target, kind, ok, error_code, error_message, ARRAY(SELECT jsonb_array_elements_text(dns->'answers')) AS answers
         FROM check_results WHERE site_id = $1 AND target = $2 ORDER BY slot`,
      [siteId, target],
    );
  const incidents = (siteId: string) => pipeline.query<{ status: string; cause: string }>(`SELECT status, cause FROM incidents WHERE site_id = $1`, [siteId]);
  const register = async (body: Record<string, unknown>) =>
    (await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({ intervalSeconds: 5, timeoutMs: 2000, confirmations: 1, recoveries: 1, ...body }).expect(201)).body;

  it('is up while every resolver gives the expected address, and opens an incident naming the resolver when one does not', async () => {
    const site = await register({
      name: 'shop-dns',
      url: 'dns://shop.example.test',
      dns: { resolvers: [primary.address, secondary.address], recordType: 'A', expect: ['192.0.2.10'] },
    });
    expect(site.dns).toEqual({ resolvers: [primary.address, secondary.address], recordType: 'A', expect: ['192.0.2.10'] });

    const up = await waitFor(() => rows(site.id, 'entry'), (found) => found.some((row) => row.ok));
    expect(up.find((row) => row.ok)).toMatchObject({ kind: 'dns', answers: ['192.0.2.10'] });
    const perResolver = await rows(site.id, `dns:${secondary.address}`);
    expect(perResolver[0]).toMatchObject({ ok: true, answers: ['192.0.2.10'] });
    expect(secondary.queries.some((query) => query.name === 'shop.example.test' && query.type === 'A')).toBe(true);

    secondary.set('shop.example.test', { A: ['198.51.100.7'] });
    const down = await waitFor(() => rows(site.id, 'entry'), (found) => found.some((row) => row.error_code === 'DNS_MISMATCH'));
    expect(down.find((row) => !row.ok)!.error_message).toBe(`resolver ${secondary.address}: shop.example.test A answered 198.51.100.7; expected 192.0.2.10`);
    const [opened] = await waitFor(() => incidents(site.id), (found) => found.some((row) => row.status === 'open'));
    expect(['dns_failure', 'dns_inconsistent']).toContain(opened.cause);

    secondary.set('shop.example.test', { A: ['192.0.2.10'] });
    await waitFor(() => incidents(site.id), (found) => found.every((row) => row.status === 'resolved'), 30_000);
  });

  it('checks other record types: TXT and MX', async () => {
    const txt = await register({ name: 'spf', url: 'dns://example.test', dns: { resolvers: [primary.address], recordType: 'TXT', expect: ['v=spf1 -all'] } });
    const mx = await register({ name: 'mail', url: 'dns://example.test', dns: { resolvers: [primary.address], recordType: 'MX', expect: ['10 mx.example.test.'] } });
    const wrongMx = await register({ name: 'mail-moved', url: 'dns://example.test', dns: { resolvers: [primary.address], recordType: 'MX', expect: ['10 mx2.example.test'] } });
    await waitFor(() => rows(txt.id, 'entry'), (found) => found.some((row) => row.ok));
    await waitFor(() => rows(mx.id, 'entry'), (found) => found.some((row) => row.ok));
    const [wrong] = await waitFor(() => rows(wrongMx.id, 'entry'), (found) => found.length > 0);
    expect(wrong).toMatchObject({ ok: false, error_code: 'DNS_MISMATCH', answers: ['10 mx.example.test'] });
  });

  it('refuses a dns:// site without its expected answers, and DNS-site settings on a web site, naming the field', async () => {
    const missing = await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({ name: 'no-expect', url: 'dns://shop.example.test' }).expect(400);
    expect(missing.body.message).toEqual(['dns.expect must list the answers a dns:// site must give']);
    const misplaced = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
      .send({ name: 'web', url: 'https://shop.example.test/', dns: { resolvers: ['system'], expect: ['192.0.2.10'] } })
      .expect(400);
    expect(misplaced.body.message).toEqual(['dns.recordType and dns.expect apply only to dns:// sites']);
    const badType = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
      .send({ name: 'srv', url: 'dns://shop.example.test', dns: { resolvers: ['system'], recordType: 'SRV', expect: ['x'] } })
      .expect(400);
    expect(badType.body.message).toContain('dns.recordType must be one of A, AAAA, CNAME, MX, NS, TXT');
    const [{ n }] = await pipeline.query<{ n: number }>(`SELECT count(*)::int AS n FROM sites WHERE name IN ('no-expect', 'web', 'srv')`);
    expect(n).toBe(0);
  });
});
