// `npm run demo` as a user runs it (the built files, a real nginx, hopwatch in child processes).
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { withServer } from '../support/test-database';

const DEMO = join(__dirname, '..', '..', 'dist', 'apps', 'demo', 'src', 'main.js');

type DemoRun = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startDemo(args: string[]): DemoRun {
  if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`npm run build\` first (npm test does)`);
  let output = '';
  const child = spawn(process.execPath, [DEMO, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(run: DemoRun, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = run.output().match(pattern);
    if (match) return match;
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`demo output never matched ${pattern}:\n${run.output()}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const databaseExists = (name: string) => withServer(async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

describe('the built hopwatch bin', () => {
  it('runs from the checkout with npx, with help and exit code 0', async () => {
    if (!existsSync(DEMO)) throw new Error('dist is missing: run `npm run build` first (npm test does)');
    const child = spawn('npx', ['--no', 'hopwatch', 'apply', '--help'], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toContain('Usage: hopwatch apply [options]');
    expect(output).toContain('--prune');
    expect(code).toBe(0);
  });
});

describe('npm run demo', () => {
  jest.setTimeout(300_000);

  it('in short mode, diagnoses the first two causes right and cleans up after itself', async () => {
    const port = await freePort();
    const run = startDemo(['--short', '--port', String(port)]);
    const code = await run.exited;
    const output = run.output();
    expect(output).toContain(`dashboard: http://127.0.0.1:${port}/`);
    expect(output).toMatch(/API key: {3}hw_demo_[0-9a-f]{32}/);
    expect(output).toContain('Apply complete: 1 change made.');
    expect(output).toMatch(/BROKE: app down/);
    expect(output).toMatch(/DIAGNOSED: origin_down \(expected origin_down\), failing hop app, gateway nginx/);
    expect(output).toMatch(/BROKE: app slow past the proxy timeout/);
    expect(output).toMatch(/DIAGNOSED: origin_timeout \(expected origin_timeout\), failing hop app, gateway nginx/);
    expect(output).toContain('short demo: both incidents diagnosed right');
    expect({ code, output }).toMatchObject({ code: 0 });
    const database = output.match(/database (hopwatch_demo_[0-9a-f]+)/)![1];
    expect(await databaseExists(database)).toBe(false);
  });

  it('stops every process it started on Ctrl-C', async () => {
    const run = startDemo(['--port', String(await freePort())]);
    await waitForOutput(run, /Press Ctrl-C/, 120_000);
    const output = run.output();
    const pids = [...output.matchAll(/pids? ((?:\d+ ?)+)/g)].flatMap((match) => match[1].trim().split(' ').map(Number));
    const database = output.match(/database (hopwatch_demo_[0-9a-f]+)/)![1];
    // hopwatch, the second region's worker, and nginx (its launcher and master).
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.every(alive)).toBe(true);
    run.child.kill('SIGINT');
    const code = await run.exited;
    // The output comes along, so a failure shows what the demo said.
    expect({ code, stillAlive: pids.filter(alive), output: run.output() }).toMatchObject({ code: 130, stillAlive: [] });
    expect(await databaseExists(database)).toBe(false);
  });
});
