// `npm run bench` in small: the real processes against a fleet of chain sites, its own database and Redis prefix.
// Guards what the bench's figures rest on: every slot found once, the CPU of each process group read (nginx serving
// the sites, under runuser, counted through the process tree), and the JSON fields the README quotes.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { processTree } from '../../bench/support/process-sampler';
import { withServer } from '../support/test-database';

const BENCH = join(__dirname, '..', '..', 'dist', 'bench', 'check-pipeline.bench.js');

jest.setTimeout(5 * 60_000);

type ProcessFigure = { cpuSeconds: number; peakPssMb: number; cpuPercentByInterval: number[] };

async function runBench(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string; progress: string }> {
  const child = spawn(process.execPath, [BENCH, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let progress = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (progress += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output, progress };
}

describe('npm run bench, small', () => {
  const database = `hopwatch_b_${randomBytes(6).toString('hex')}`;
  const redisPrefix = `hopwatch-bench-${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${redisPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('checks every slot of a chain fleet once against nginx and reports every process', async () => {
    const { code, output, progress } = await runBench(['--sites', '40', '--interval', '10', '--duration', '25', '--workers', '1'], {
      HOPWATCH_BENCH_DATABASE: database,
      HOPWATCH_BENCH_REDIS_PREFIX: redisPrefix,
    });
    expect({ code, progress: code === 0 ? '' : progress }).toEqual({ code: 0, progress: '' });
    const figures = JSON.parse(output);

    expect(figures).toMatchObject({ sites: 40, shape: 'entry + two hops + resolver', layout: 'api + scheduler + 1 workers', targetServer: 'nginx' });
    expect(figures.slotsExpected).toBeGreaterThanOrEqual(40);
    expect(figures).toMatchObject({ slotsChecked: figures.slotsExpected, missedSlots: 0, duplicateResults: 0 });
    expect(figures.probesPerSecond).toBeGreaterThan(0);
    expect(figures.cpuMsPerProbe).toBeGreaterThan(0);

    const processes = figures.processes as Record<string, ProcessFigure>;
    expect(Object.keys(processes).sort()).toEqual(['api', 'postgres', 'redis', 'scheduler', 'targets', 'targets-dns', 'worker-1']);
    for (const name of ['worker-1', 'postgres']) expect(processes[name].cpuSeconds).toBeGreaterThan(0);
    for (const figure of Object.values(processes)) expect(figure.peakPssMb).toBeGreaterThan(0);
    // 25 s of 10 s intervals: two whole ones and a half, each with its own CPU.
    for (const figure of Object.values(processes)) expect(figure.cpuPercentByInterval).toHaveLength(3);
    for (const name of ['worker-1', 'postgres']) for (const percent of processes[name].cpuPercentByInterval) expect(percent).toBeGreaterThan(0);
  });

  // nginx's worker runs three levels below the targets' Node process (under runuser and its master): a sampler
  // reading direct children only would count none of the requests it served.
  it('samples a process with all its descendants', async () => {
    // `; true` keeps each shell from replacing itself with its last command.
    const root = spawn('sh', ['-c', `sh -c "sh -c 'sleep 30; true' & wait" & wait`], { stdio: 'ignore' });
    try {
      let tree: number[] = [];
      for (let attempt = 0; attempt < 50 && tree.length < 4; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        tree = processTree(root.pid!)();
      }
      expect(tree[0]).toBe(root.pid);
      expect(tree).toHaveLength(4);
      expect(tree.map((pid) => commandOf(pid))).toEqual(['sh', 'sh', 'sh', 'sleep']);
    } finally {
      // Listed before any is killed: a shell whose child dies exits on its own, and its pid is then gone.
      for (const pid of processTree(root.pid!)()) killIfAlive(pid);
    }
  });
});

const commandOf = (pid: number) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim();

function killIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
