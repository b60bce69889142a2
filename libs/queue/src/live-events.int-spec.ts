import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { ConfigModule, dependencies } from '@hopwatch/platform';
import { testConfig } from '../../../test/support/test-config';
import { waitUntil } from '../../../test/support/wait-until';
import { LIVE_EVENTS_FLUSH_MS, LIVE_EVENTS_PER_MESSAGE, LiveEvent, LiveEventPublisher, liveEventsChannel, LiveEventsMessage } from './live-events';
import { QueueModule } from './queue.module';

const config = testConfig('postgres://postgres@127.0.0.1:5432/unused');

const run = (siteId: string): LiveEvent => ({
  type: 'check-run',
  data: { siteId, region: 'default', slot: '2026-12-07T10:00:00.000Z', ok: true, entryStatus: 200, entryErrorCode: null, totalMs: 3 },
});

describe('LiveEventPublisher (real Redis pub/sub)', () => {
  const subscriber = new Redis(config.redisUrl);
  const received: LiveEventsMessage[] = [];

  const boot = async () => {
    const configModule = ConfigModule.forRoot(config);
    const moduleRef = await Test.createTestingModule({ imports: [configModule, QueueModule.forRoot(configModule)] }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    return app;
  };

  beforeAll(async () => {
    subscriber.on('message', (_channel: string, message: string) => received.push(JSON.parse(message) as LiveEventsMessage));
    await subscriber.subscribe(liveEventsChannel(config.redisPrefix));
  });
  beforeEach(() => (received.length = 0));
  afterAll(() => subscriber.disconnect());

  it('sends the events of a short while as one message, in order, and none before the window closes', async () => {
    const app = await boot();
    const publisher = app.get(LiveEventPublisher);
    const startedAt = Date.now();
    publisher.publish([run('a')]);
    publisher.publish([]);
    publisher.publish([run('b'), run('c')]);
    await waitUntil(() => received.length > 0);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(LIVE_EVENTS_FLUSH_MS - 5);
    await new Promise((resolve) => setTimeout(resolve, LIVE_EVENTS_FLUSH_MS * 2));
    expect(received).toEqual([[run('a'), run('b'), run('c')]]);
    await app.close();
  });

  it('splits a burst into full messages at once, and sends the rest at shutdown', async () => {
    const app = await boot();
    const publisher = app.get(LiveEventPublisher);
    const burst = Array.from({ length: LIVE_EVENTS_PER_MESSAGE * 2 + 7 }, (_, index) => run(`site-${index}`));
    publisher.publish(burst.slice(0, LIVE_EVENTS_PER_MESSAGE - 1));
    publisher.publish(burst.slice(LIVE_EVENTS_PER_MESSAGE - 1));
    await waitUntil(() => received.length === 2);
    expect(received.map((message) => message.length)).toEqual([LIVE_EVENTS_PER_MESSAGE, LIVE_EVENTS_PER_MESSAGE]);
    // The last seven would wait for the window; closing the app sends them before Redis is closed.
    await app.close();
    await waitUntil(() => received.length === 3);
    expect(received.flat()).toEqual(burst);
  });

  it('drops events while Redis is down instead of queueing them, and sends again once it is back', async () => {
    const app = await boot();
    const publisher = app.get(LiveEventPublisher);
    // What a lost connection reports (libs/queue/src/redis.ts), and the dependency monitor's probe clears.
    dependencies.down('redis', 'connect ECONNREFUSED 127.0.0.1:6379');
    publisher.publish([run('lost')]);
    await publisher.flushed();
    dependencies.up('redis');
    publisher.publish([run('after')]);
    await publisher.flushed();
    await waitUntil(() => received.length > 0);
    expect(received).toEqual([[run('after')]]);
    await app.close();
  });
});
