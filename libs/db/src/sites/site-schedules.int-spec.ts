import { randomUUID } from 'node:crypto';
import { useTestDataSource } from '../../../../test/support/test-data-source';
import { ScheduleRepository } from '../schedule/schedule.repository';
import { Transaction } from '../unit-of-work';
import { SiteRepository } from './site.repository';
import { NewSite } from './site.types';

const newSite = (overrides: Partial<NewSite> = {}): NewSite => ({
  id: randomUUID(),
  name: 'shop',
  url: 'https://shop.example.com/',
  method: 'GET',
  intervalSeconds: 60,
  timeoutMs: 10_000,
  expectStatus: '200-399',
  bodyContains: null,
  regions: ['default'],
  dnsResolvers: [],
  tags: ['shop'],
  alertChannelIds: [],
  confirmations: 2,
  recoveries: 2,
  paused: false,
  detection: {},
  dnsRecordType: null,
  dnsExpect: null,
  pushPeriodSeconds: null,
  pushGraceSeconds: null,
  nextRunAt: new Date(Math.floor(Date.now() / 1000) * 1000 - 5_000),
  hops: [],
  pushToken: null,
  ...overrides,
});

describe('a site and its schedule row', () => {
  const dataSource = useTestDataSource(2);
  const sites = () => new SiteRepository(dataSource());
  const scheduleOf = async (id: string) => {
    const [row]: Array<{ next_run_at: Date; paused: boolean; last_enqueued_slot: Date | null }> = await dataSource().query(
      'SELECT next_run_at, paused, last_enqueued_slot FROM site_schedules WHERE site_id = $1',
      [id],
    );
    return row;
  };
  const claimDue = () =>
    dataSource().transaction(async (manager) => {
      const schedule = new ScheduleRepository(dataSource());
      const tx = new Transaction(manager);
      const rows = await schedule.lockDue(tx, 100);
      await schedule.advance(tx, new Map(rows.map((row) => [row.id, new Date((row.nextRunAt + row.intervalSeconds) * 1000)])));
      return rows.map((row) => row.id);
    });

  it('is written with the site, and read back as its next run', async () => {
    const created = await sites().create(newSite({ id: randomUUID(), paused: true }));
    expect(await scheduleOf(created.id)).toEqual({ next_run_at: created.nextRunAt, paused: true, last_enqueued_slot: null });
    expect((await sites().findById(created.id))?.nextRunAt).toEqual(created.nextRunAt);
    const { items } = await sites().list({ limit: 10, offset: 0, tags: [], paused: true });
    expect(items.find((site) => site.id === created.id)?.nextRunAt).toEqual(created.nextRunAt);
  });

  it('follows a pause and a resume, so paused sites are never claimed', async () => {
    const site = await sites().create(newSite());
    await sites().update(site.id, { paused: true });
    expect((await scheduleOf(site.id)).paused).toBe(true);
    expect(await claimDue()).not.toContain(site.id);

    const resumedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 1_000);
    const resumed = await sites().update(site.id, { paused: false, nextRunAt: resumedAt });
    expect(await scheduleOf(site.id)).toMatchObject({ paused: false, next_run_at: resumedAt });
    expect(resumed?.nextRunAt).toEqual(resumedAt);
    expect(await claimDue()).toContain(site.id);
  });

  it('is moved by a claim without rewriting the sites row', async () => {
    const site = await sites().create(newSite());
    const version = async () => (await dataSource().query('SELECT xmin::text AS xmin FROM sites WHERE id = $1', [site.id]))[0].xmin;
    const before = await version();
    expect(await claimDue()).toContain(site.id);
    expect(await version()).toBe(before);
    expect(await scheduleOf(site.id)).toMatchObject({
      next_run_at: new Date(site.nextRunAt.getTime() + 60_000),
      last_enqueued_slot: site.nextRunAt,
    });
  });

  it('leaves with its site', async () => {
    const site = await sites().create(newSite());
    await sites().delete(site.id);
    expect(await scheduleOf(site.id)).toBeUndefined();
  });
});
