// One built hopwatch process (api, scheduler, worker or all-in-one) as a real child, its output kept for assertions.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TEST_ADMIN_KEY, TEST_SECRET_KEY } from './test-config';

export type Role = 'api' | 'scheduler' | 'worker' | 'all-in-one';

const BANNERS: Record<Role, string> = {
  api: 'hopwatch api:',
  scheduler: 'hopwatch scheduler: started',
  worker: 'hopwatch worker: checking',
  'all-in-one': 'hopwatch is running',
};

/** The repository root, whether this file runs from test/support or compiled under dist/ (the fault suite). */
function projectRoot(): string {
  let folder = __dirname;
  while ((!existsSync(join(folder, 'package.json')) || folder.endsWith('/dist')) && folder !== dirname(folder)) folder = dirname(folder);
  return folder;
}

export type HopwatchProcess = {
  child: ChildProcess;
  output(): string;
  started(timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited(): Promise<number | string>;
};

export function startHopwatch(role: Role, env: Record<string, string>): HopwatchProcess {
  const main = join(projectRoot(), 'dist', 'apps', role, 'src', 'main.js');
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOPWATCH_ADMIN_KEY: TEST_ADMIN_KEY, HOPWATCH_SECRET_KEY: TEST_SECRET_KEY, HOPWATCH_TARGET_ALLOW: '127.0.0.0/8', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const ended = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    child,
    output: () => text,
    exited: () => ended,
    async started(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!text.includes(BANNERS[role])) {
        if (child.exitCode !== null) throw new Error(`${role} exited during start-up: ${text}`);
        if (Date.now() > deadline) throw new Error(`${role} did not start within ${timeoutMs} ms: ${text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
