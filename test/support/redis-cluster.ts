// A private three-node Redis Cluster (masters only) on free loopback ports, each node in a temporary folder.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

export type PrivateRedisCluster = { nodes: string[]; stop(): Promise<void> };

const run = promisify(execFile);

export async function startPrivateRedisCluster(size = 3): Promise<PrivateRedisCluster> {
  const folder = await mkdtemp(join(tmpdir(), 'hopwatch-redis-cluster-'));
  const ports: number[] = [];
  const busPorts: number[] = [];
  // The bus port is chosen too: Redis's default (port + 10000) could land anywhere.
  for (let index = 0; index < size; index += 1) {
    ports.push(await freePort());
    busPorts.push(await freePort());
  }
  const children: ChildProcess[] = ports.map((port, index) =>
    spawn('redis-server', [
      '--port', String(port), '--cluster-port', String(busPorts[index]), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--cluster-enabled', 'yes', '--cluster-config-file', join(folder, `nodes-${port}.conf`), '--dir', folder,
    ], { stdio: 'ignore' }));
  const nodes = ports.map((port) => `127.0.0.1:${port}`);
  await waitFor(async () => (await Promise.all(ports.map((port) => ping(port)))).every(Boolean));
  await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes']);
  await waitFor(async () => (await run('redis-cli', ['-p', String(ports[0]), 'cluster', 'info'])).stdout.includes('cluster_state:ok'));
  return {
    nodes,
    async stop() {
      await Promise.all(children.map((child) => new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      })));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function ping(port: number): Promise<boolean> {
  try {
    return (await run('redis-cli', ['-p', String(port), 'ping'])).stdout.trim() === 'PONG';
  } catch {
    return false;
  }
}

async function waitFor(ready: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('the private Redis Cluster did not come up');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
