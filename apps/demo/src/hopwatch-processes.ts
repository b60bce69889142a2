// Starts hopwatch itself for the demo: the all-in-one process, and a worker for a second region.
import { ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Started = { name: string; child: ChildProcess; logFile: string };

const DIST_APPS = join(__dirname, '..', '..');

export function startHopwatchProcess(name: string, app: 'all-in-one' | 'worker', env: Record<string, string | undefined>, logFile: string): Started {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(DIST_APPS, app, 'src', 'main.js')], { env, stdio: ['ignore', log, log] });
  return { name, child, logFile };
}

export function cliPath(): string {
  return join(DIST_APPS, 'cli', 'src', 'main.js');
}

export async function waitUntilReady(baseUrl: string, started: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`${started.name} exited with ${started.child.exitCode} while starting; the end of its log:\n${logTail(started.logFile)}`);
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

function logTail(logFile: string, lines = 20): string {
  const text = readFileSync(logFile, 'utf8').trimEnd();
  return text ? text.split('\n').slice(-lines).join('\n') : '(empty)';
}
