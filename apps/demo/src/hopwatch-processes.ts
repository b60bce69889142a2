// Starts hopwatch itself for the demo: the all-in-one process, and a worker for a second region.
import { ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';

export type Started = { name: string; child: ChildProcess };

const DIST_APPS = join(__dirname, '..', '..');

export function startHopwatchProcess(name: string, app: 'all-in-one' | 'worker', env: Record<string, string | undefined>, logFile: string): Started {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(DIST_APPS, app, 'src', 'main.js')], { env, stdio: ['ignore', log, log] });
  return { name, child };
}

export function cliPath(): string {
  return join(DIST_APPS, 'cli', 'src', 'main.js');
}

export async function waitUntilReady(baseUrl: string, started: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`${started.name} exited with ${started.child.exitCode} while starting`);
    const ready = await fetch(`${baseUrl}/health/ready`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${started.name} was not ready at ${baseUrl} within ${timeoutMs / 1000} s`);
}

export async function stopProcess(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
