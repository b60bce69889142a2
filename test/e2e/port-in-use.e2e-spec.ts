import { spawn } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TEST_ADMIN_KEY, TEST_SECRET_KEY } from '../support/test-config';

const DIST = join(__dirname, '..', '..', 'dist', 'apps');

type Exit = { code: number | null; stdout: string; stderr: string };

function run(main: string, env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(DIST, main)], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a port already in use', () => {
  let database: TestDatabase;
  let occupier: Server;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => occupier.close(resolve));
    await database.drop();
  });

  const env = () => ({ DATABASE_URL: database.url, HOPWATCH_REDIS_PREFIX: `hw-test-port-${process.pid}`, HOPWATCH_ADMIN_KEY: TEST_ADMIN_KEY, HOPWATCH_SECRET_KEY: TEST_SECRET_KEY, HOST: '127.0.0.1' });

  it.each([
    { process: 'the API', main: 'api/src/main.js', variable: 'PORT', extra: (taken: number) => ({ PORT: String(taken) }) },
    { process: 'the all-in-one process (npm start)', main: 'all-in-one/src/main.js', variable: 'PORT', extra: (taken: number) => ({ PORT: String(taken) }) },
    { process: 'a worker serving metrics', main: 'worker/src/main.js', variable: 'HOPWATCH_METRICS_PORT', extra: (taken: number) => ({ HOPWATCH_METRICS_PORT: String(taken) }) },
  ])('stops $process with one line naming the port and $variable', async ({ main, variable, extra }) => {
    const exit = await run(main, { ...env(), ...extra(port) });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toBe(`hopwatch: port ${port} on 127.0.0.1 is already in use (EADDRINUSE); stop whatever listens there or set ${variable} to a free port\n`);
    expect(exit.stdout).toBe('');
  });
});
