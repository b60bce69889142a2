import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createSchedulerApp } from '../../apps/scheduler/src/create-scheduler-app';
import { LeaderLock } from '../../apps/scheduler/src/tick/leader.lock';
import { TickService } from '../../apps/scheduler/src/tick/tick.service';
import { CheckBatchJob, checksQueueName } from '@hopwatch/queue';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { startPrivateRedis } from '../support/redis-server';
import { startTargetServer, TargetServer } from '../support/target-server';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';

const CHECK_BATCH_SIZE = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function insertDueSites(dataSource: DataSource, count: number, regions = ['default'], paused = false): Promise<string[]> {
  const rows = await dataSource.query(
    `INSERT INTO sites (name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                        alert_channel_ids, confirmations, recoveries, paused, next_run_at)
     SELECT 'site-' || n, 'http://127.0.0.1:9/', 'GET', 60, 1000, '200-399', $2::text[], '{}', '{}', '{}', 2, 2, $3,
            date_trunc('second', now()) - interval '1 second'
       FROM generate_series(1, $1) AS n
     RETURNING id`,
    [count, regions, paused],
  );
  return rows.map((row: { id: string }) => row.id);
}

describe('scheduler', () => {
  describe('with two instances', () => {
    let database: TestDatabase;
    let first: INestApplicationContext;
    let second: INestApplicationContext;
    let queue: Queue<CheckBatchJob>;
    const queuedChecks = async () => (await queue.getJobs(['waiting'])).flatMap((batch) => batch.data.checks);

    beforeAll(async () => {
      database = await createTestDatabase();
      const config = testConfig(database.url, { HOPWATCH_SCHEDULER_TICK_MS: '20', HOPWATCH_CHECK_BATCH_SIZE: String(CHECK_BATCH_SIZE) });
      first = await createSchedulerApp(config);
      second = await createSchedulerApp({ ...config });
      queue = new Queue(checksQueueName('default'), { connection: { host: '127.0.0.1', port: 6379 }, prefix: config.redisPrefix });
    });

    afterAll(async () => {
      await queue.obliterate({ force: true });
      await queue.close();
      await first?.close();
      await second?.close();
      await database.drop();
    });

    it('lets exactly one lead, and enqueues each slot of each site once', async () => {
      const ids = await insertDueSites(first.get(DataSource), 300, ['default']);
      await waitFor(queuedChecks, (checks) => checks.length >= 300, 15_000);
      await sleep(500);
      const leaders = [first, second].filter((app) => app.get(LeaderLock).isLeading());
      expect(leaders).toHaveLength(1);
      const checks = await queuedChecks();
      expect(checks).toHaveLength(300);
      expect(new Set(checks.map((check) => check.siteId))).toEqual(new Set(ids));
      expect(new Set(checks.map((check) => `${check.siteId}@${check.slot}`)).size).toBe(300);
      const batches = await queue.getJobs(['waiting']);
      expect(batches.every((batch) => batch.name === 'check.batch' && batch.data.checks.length <= CHECK_BATCH_SIZE)).toBe(true);
    });

    it('hands leadership to the standby within seconds when the leader goes away', async () => {
      const [leader, standby] = first.get(LeaderLock).isLeading() ? [first, second] : [second, first];
      await leader.close();
      await waitFor(async () => standby.get(LeaderLock).isLeading(), (leading) => leading, 5_000);
      const before = (await queuedChecks()).length;
      await insertDueSites(standby.get(DataSource), 10);
      await waitFor(queuedChecks, (checks) => checks.length >= before + 10, 5_000);
    });
  });

  describe('slots that can no longer run in time', () => {
    let database: TestDatabase;

    afterAll(async () => database.drop());

    it('are recorded as missed results, never dropped silently', async () => {
      database = await createTestDatabase();
      const config = testConfig(database.url, { HOPWATCH_SCHEDULER_TICK_MS: '1000' });
      const scheduler = await createSchedulerApp(config);
      try {
        const dataSource = scheduler.get(DataSource);
        const [id] = await insertDueSites(dataSource, 1, ['default'], true);
        // As if the scheduler had been down for a little over three intervals of 60 s.
        await dataSource.query(
          `UPDATE sites SET paused = false, next_run_at = date_trunc('second', now()) - interval '190 seconds' WHERE id = $1`,
          [id],
        );
        await scheduler.get(TickService).tick();
        const missed = await waitFor(
          () => dataSource.query(`SELECT slot FROM check_results WHERE site_id = $1 AND error_code = 'MISSED' ORDER BY slot`, [id]),
          (rows) => rows.length >= 3,
          5_000,
        );
        expect(missed).toHaveLength(3);
        expect(missed[1].slot.getTime() - missed[0].slot.getTime()).toBe(60_000);
        const [site] = await dataSource.query(`SELECT next_run_at FROM sites WHERE id = $1`, [id]);
        expect(site.next_run_at.getTime()).toBeGreaterThan(Date.now());
      } finally {
        await scheduler.close();
      }
    });
  });

  describe('when Redis is flushed or restarted mid-run', () => {
    let pipeline: BootedPipeline;
    let target: TargetServer;
    let redis: Awaited<ReturnType<typeof startPrivateRedis>>;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      target = await startTargetServer();
      pipeline = await bootPipeline({ REDIS_URL: redis.url });
    });

    afterAll(async () => {
      await pipeline.close();
      await target.close();
      await redis.stop();
    });

    it('keeps checking on schedule, because the schedule lives in Postgres', async () => {
      const { body: site } = await pipeline.http().post('/api/v1/sites').set(pipeline.auth)
        .send({ name: 'flushed', url: target.url('/'), intervalSeconds: 5 }).expect(201);
      const slots = () => pipeline.query<{ n: number }>(`SELECT count(DISTINCT slot)::int AS n FROM check_results WHERE site_id = $1 AND error_code IS NULL`, [site.id]);
      await waitFor(slots, ([row]) => row.n >= 1, 15_000);
      await redis.flushAll();
      const afterFlush = (await slots())[0].n;
      await waitFor(slots, ([row]) => row.n >= afterFlush + 1, 15_000);
      await redis.restart();
      const afterRestart = (await slots())[0].n;
      await waitFor(slots, ([row]) => row.n >= afterRestart + 1, 20_000);
    });
  });
});
