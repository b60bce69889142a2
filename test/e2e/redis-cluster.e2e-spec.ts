// hopwatch on a Redis Cluster: with a hash-tagged prefix every key of ours lands in one slot, so BullMQ's
// multi-key scripts, the rate limits, live events and the lateness board work as on a single server.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { HopwatchProcess, startHopwatch } from '../support/hopwatch-process';
import { PrivateRedisCluster, startPrivateRedisCluster } from '../support/redis-cluster';
import { startTargetServer, TargetServer } from '../support/target-server';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_ADMIN_KEY } from '../support/test-config';

const redisCli = async (node: string, ...args: string[]) =>
  (await promisify(execFile)('redis-cli', ['-h', node.split(':')[0], '-p', node.split(':')[1], ...args])).stdout;

describe('hopwatch on a Redis Cluster', () => {
  let database: TestDatabase;
  let cluster: PrivateRedisCluster;
  let target: TargetServer;
  let app: HopwatchProcess;
  let base: string;

  beforeAll(async () => {
    [database, cluster, target] = await Promise.all([createTestDatabase(), startPrivateRedisCluster(), startTargetServer()]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = startHopwatch('all-in-one', {
      DATABASE_URL: database.url,
      // Unreachable on purpose: only the cluster can carry the run.
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_CLUSTER_NODES: cluster.nodes[0],
      HOPWATCH_REDIS_PREFIX: '{hw-cluster}',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      HOPWATCH_SHUTDOWN_TIMEOUT_MS: '2000',
    });
    await app.started(60_000);
  }, 90_000);

  afterAll(async () => {
    app?.child.kill('SIGKILL');
    await app?.exited();
    await target.close();
    await cluster.stop();
    await database.drop();
  });

  it('checks sites, serves the API with its rate limits, and reports readiness, all through the cluster', async () => {
    const auth = { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/v1/sites`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'on-cluster', url: target.url('/'), intervalSeconds: 5 }) });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-ratelimit-remaining-per-key') ?? created.headers.get('x-ratelimit-remaining')).not.toBeNull();
    const site = (await created.json()) as { id: string };

    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const stored = await waitFor(
        async () => Number((await db.query('SELECT count(*) FROM check_results WHERE site_id = $1 AND ok', [site.id])).rows[0].count),
        (count) => count >= 2,
        30_000,
      );
      expect(stored).toBeGreaterThanOrEqual(2);
    } finally {
      await db.end();
    }
    const ready = await waitFor(
      async () => (await (await fetch(`${base}/health/ready`)).json()) as { status: string; checks: Record<string, { status: string }>; pipeline: { status: string } },
      (body) => body.pipeline.status === 'ok',
      20_000,
    );
    expect(ready).toMatchObject({ status: 'ok', checks: { redis: { status: 'up' } } });
    expect(app.output()).not.toMatch(/CROSSSLOT|MOVED|ClusterAllFailedError/);
    // One hash tag, one slot: every key of ours is on a single node.
    const keysPerNode = await Promise.all(cluster.nodes.map(async (node) => (await redisCli(node, 'keys', '*')).split('\n').filter(Boolean)));
    const holding = keysPerNode.filter((keys) => keys.length > 0);
    expect(holding).toHaveLength(1);
    expect(holding[0].every((key) => key.startsWith('{hw-cluster}:'))).toBe(true);
  }, 90_000);

  it('refuses to start on a cluster without a hash-tagged prefix, and says how to fix it', async () => {
    const refused = startHopwatch('worker', { DATABASE_URL: database.url, REDIS_CLUSTER_NODES: cluster.nodes.join(','), HOPWATCH_REDIS_PREFIX: 'hw-plain' });
    expect(await refused.exited()).not.toBe(0);
    expect(refused.output()).toContain('HOPWATCH_REDIS_PREFIX must be a hash tag in braces on Redis Cluster (REDIS_CLUSTER_NODES is set), like {hw-plain}');
  });
});
