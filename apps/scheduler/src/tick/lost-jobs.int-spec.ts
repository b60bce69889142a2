import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckResultRepository, dataSourceOptions, ScheduleRepository, UnitOfWork } from '@hopwatch/db';
import { HopwatchConfig, loadConfig } from '@hopwatch/platform';
import { Queue } from 'bullmq';
import { CheckBatchJob, CheckQueues, checksQueueName, createRedis, RedisConnection } from '@hopwatch/queue';
import { aResult, insertSite } from '../../../../test/support/history-fixtures';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { LostJobsService } from './lost-jobs.service';

const INTERVAL = 60;

describe('re-enqueueing the claimed slots Redis lost', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let schedule: ScheduleRepository;
  let redis: RedisConnection;
  let config: HopwatchConfig;
  let queues: CheckQueues;
  let marker: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 4)).initialize();
    schedule = new ScheduleRepository(dataSource);
    config = loadConfig({ HOPWATCH_REDIS_PREFIX: `hw-lost-${randomBytes(4).toString('hex')}` });
    redis = createRedis(config);
    queues = new CheckQueues(redis, config);
    marker = `${config.redisPrefix}:scheduler:redis-epoch`;
  });

  afterAll(async () => {
    await queues.onApplicationShutdown();
    const keys = await redis.keys(`${config.redisPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(async () => {
    await dataSource.query(`DELETE FROM sites`);
    const keys = await redis.keys(`${config.redisPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  });

  /** A site the scheduler claimed: its slot a few seconds ago enqueued, next_run_at one interval later. */
  const claimedSite = async (): Promise<{ id: string; slot: number }> => {
    const id = await insertSite(dataSource, { intervalSeconds: INTERVAL });
    const slot = Math.floor(Date.now() / 1000) - 5;
    await new UnitOfWork(dataSource).run((tx) => schedule.advance(tx, new Map([[id, new Date((slot + INTERVAL) * 1000)]])));
    return { id, slot };
  };
  const queued = async (id: string, slot: number) => {
    const queue = new Queue<CheckBatchJob>(checksQueueName('default'), { connection: redis, prefix: config.redisPrefix });
    const batches = await queue.getJobs(['waiting']);
    await queue.close();
    return batches.some((batch) => batch.data.checks.some((check) => check.siteId === id && check.slot === slot));
  };

  it('re-enqueues a claimed slot when the marker is gone, then leaves a present marker alone', async () => {
    const { id, slot } = await claimedSite();
    const service = new LostJobsService(schedule, queues, redis, config);

    expect(await service.recoverIfLost(1_000_000)).toBe(1);
    expect(await queued(id, slot)).toBe(true);
    expect(await redis.get(marker)).toBe(new Date(1_000_000).toISOString());
    expect(await service.recoverIfLost(1_002_000)).toBe(0);
  });

  it('does not re-enqueue a slot already stored', async () => {
    const { id, slot } = await claimedSite();
    await new CheckResultRepository(dataSource).insertMany([aResult(id, slot)]);
    expect(await new LostJobsService(schedule, queues, redis, config).recoverIfLost(1_000_000)).toBe(0);
  });

  it('retries on the next check when the re-enqueue failed, instead of trusting the marker it had just created', async () => {
    const { id, slot } = await claimedSite();
    const brokenDatabase = await new DataSource(dataSourceOptions(database.url, 1)).initialize();
    await brokenDatabase.destroy();
    const failing = new LostJobsService(new ScheduleRepository(brokenDatabase), queues, redis, config);
    await expect(failing.recoverIfLost(1_000_000)).rejects.toThrow();
    expect(await redis.get(marker)).toBe('recovering');

    // The next check (here another scheduler's, as after a takeover) finds the recovery unfinished and does it.
    expect(await new LostJobsService(schedule, queues, redis, config).recoverIfLost(1_001_000)).toBe(1);
    expect(await queued(id, slot)).toBe(true);
    expect(await redis.get(marker)).not.toBe('recovering');
  });

  it('finds the enqueued slot exactly even after the site was rescheduled to another interval', async () => {
    const { id, slot } = await claimedSite();
    await dataSource.query(`UPDATE sites SET interval_seconds = 300, next_run_at = now() + interval '200 seconds' WHERE id = $1`, [id]);
    const unfinished = await schedule.unfinishedSlots();
    expect(unfinished.map((entry) => ({ id: entry.site.id, slot: entry.slot.getTime() / 1000, regions: entry.regions }))).toEqual([{ id, slot, regions: ['default'] }]);
  });
});
