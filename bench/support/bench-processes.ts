// The processes a benchmark run measures: hopwatch as one all-in-one process or as api + scheduler + N workers,
// and the Postgres server and Redis it runs against, found by asking them their process ids.
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { processTree } from './process-sampler';

/** `metricsUrls`: where each process serves /metrics (the api's also has the fleet-wide series). */
export type HopwatchLayout = {
  children: Map<string, ChildProcess>;
  apiUrl: string;
  metricsUrls: Map<string, string>;
  /** Resolves once every process answers on its port, so sites created next are scheduled by a running service. */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * `workers` 0: the all-in-one process; otherwise the api, the scheduler and that many workers. `profileDir`: each
 * process writes a CPU profile there when it exits, named after it.
 */
export async function startHopwatch(workers: number, env: Record<string, string>, profileDir: string | null = null): Promise<HopwatchLayout> {
  const port = String(await freePort());
  const roles = workers === 0 ? [['all-in-one', 'all-in-one']] : [['api', 'api'], ['scheduler', 'scheduler'], ...Array.from({ length: workers }, (_, index) => [`worker-${index + 1}`, 'worker'])];
  const children = new Map<string, ChildProcess>();
  const metricsUrls = new Map<string, string>();
  for (const [name, role] of roles) {
    const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
    const nodeOptions = [...START_FLAGS, ...profiling];
    const metricsPort = role === 'worker' || role === 'scheduler' ? String(await freePort()) : port;
    metricsUrls.set(name, `http://127.0.0.1:${metricsPort}/metrics`);
    const ownMetrics: Record<string, string> = metricsPort === port ? {} : { HOPWATCH_METRICS_PORT: metricsPort };
    children.set(name, startNode(`apps/${role}/src/main.js`, { ...env, ...ownMetrics, PORT: port, HOST: '127.0.0.1' }, nodeOptions));
  }
  return {
    children,
    apiUrl: `http://127.0.0.1:${port}`,
    metricsUrls,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (const url of [`http://127.0.0.1:${port}/health/ready`, ...metricsUrls.values()]) {
        while (!(await answers(url))) {
          if (Date.now() > deadline) throw new Error(`hopwatch did not answer on ${url} within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
    async stop() {
      // The scheduler (or the all-in-one) first, so nothing new is enqueued while the workers finish.
      const order = [...children.entries()].sort(([a], [b]) => rank(a) - rank(b));
      for (const [, child] of order) {
        child.kill('SIGTERM');
        await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      }
    },
  };
}

// The Node flags `npm start` runs hopwatch with, so the bench measures the same processes.
const START_FLAGS: string[] = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'))
  .scripts.start.split(' ')
  .filter((word: string) => word.startsWith('--'));

const answers = (url: string) => fetch(url).then((response) => response.ok, () => false);

const rank = (name: string) => (name === 'scheduler' || name === 'all-in-one' ? 0 : name === 'api' ? 2 : 1);

const started = new Set<ChildProcess>();
// A run that fails half-way must not leave hopwatch processes checking on their own.
process.on('exit', () => started.forEach((child) => child.kill('SIGKILL')));

function startNode(script: string, env: Record<string, string>, nodeOptions: string[]): ChildProcess {
  const child = spawn(process.execPath, [...nodeOptions, join(__dirname, '..', '..', script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  // Their log lines are left out of the bench's output unless asked for (LOG_LEVEL=debug shows the workers' slot sizing).
  if (process.env.LOG_LEVEL) child.stdout?.pipe(process.stderr);
  else child.stdout?.on('data', () => undefined);
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** The postmaster (parent of our backend) and all its children. */
export async function postgresProcesses(databaseUrl: string): Promise<() => number[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [{ pid }] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return processTree(postmaster);
  } finally {
    await client.end();
  }
}

export async function redisProcess(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl);
  const info = await redis.info('server');
  redis.disconnect();
  return Number(/process_id:(\d+)/.exec(info)?.[1]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
