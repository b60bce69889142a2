import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { SecretBox } from '@hopwatch/platform';
import { NOTIFICATIONS_QUEUE, NotifyJob } from '@hopwatch/queue';
import { waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_ADMIN_KEY, TEST_SECRET_KEY } from '../support/test-config';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { generateWebhookSecret } from '@hopwatch/alerting';

const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');
const PREFIX = `hw-test-notify-crash-${process.pid}`;

describe('a worker killed while delivering a notice', () => {
  let database: TestDatabase;
  let db: Client;
  let receiver: WebhookReceiver;
  let queue: Queue<NotifyJob>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    receiver = await startWebhookReceiver({ secret: generateWebhookSecret(), port: await freePort() });
    queue = new Queue<NotifyJob>(NOTIFICATIONS_QUEUE, { connection: { host: '127.0.0.1', port: 6379 }, prefix: PREFIX });
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await queue.obliterate({ force: true });
    await queue.close();
    await db.end();
    await receiver.close();
    await database.drop();
  });

  const startWorker = () => {
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, HOPWATCH_REDIS_PREFIX: PREFIX, HOPWATCH_ADMIN_KEY: TEST_ADMIN_KEY, HOPWATCH_SECRET_KEY: TEST_SECRET_KEY, HOPWATCH_TARGET_ALLOW: '127.0.0.0/8', HOPWATCH_JOB_LOCK_MS: '2000', LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  };

  it('still makes exactly one delivery, under one webhook-id, and a duplicate job sends nothing', async () => {
    const { rows: [channel] } = await db.query(
      `INSERT INTO alert_channels (name, kind, webhook_url, webhook_secret) VALUES ('crash', 'webhook', $1, $2) RETURNING id`,
      [receiver.url('/hook'), new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64')).seal(receiver.secret)],
    );
    const { rows: [delivery] } = await db.query(`INSERT INTO deliveries (channel_id, notice, status) VALUES ($1, 'test', 'pending') RETURNING id`, [channel.id]);
    receiver.answer({ delayMs: 60_000, times: 1 });

    const doomed = startWorker();
    await queue.add('notify.deliver', { deliveryId: delivery.id }, { jobId: delivery.id, attempts: 100, backoff: { type: 'fixed', delay: 500 } });
    await waitFor(async () => receiver.requests, (requests) => requests >= 1, 20_000);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));

    startWorker();
    await waitFor(async () => (await db.query('SELECT status FROM deliveries WHERE id = $1', [delivery.id])).rows[0].status, (status) => status === 'delivered', 30_000);
    const ids = new Set(receiver.deliveries.map((received) => received.id));
    expect(ids).toEqual(new Set([delivery.id]));
    expect(receiver.accepted().length).toBeGreaterThanOrEqual(1);

    const before = receiver.requests;
    await queue.add('notify.deliver', { deliveryId: delivery.id }, { jobId: `${delivery.id}-again` });
    await waitFor(() => queue.getCompletedCount(), (count) => count >= 2, 10_000);
    expect(receiver.requests).toBe(before);
    const { rows: [row] } = await db.query('SELECT status, attempts FROM deliveries WHERE id = $1', [delivery.id]);
    expect(row).toEqual({ status: 'delivered', attempts: 1 });
  });
});
