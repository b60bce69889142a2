// Runs a real gateway (nginx, haproxy) for a test: config in a private temp dir, loopback ports only, as the
// unprivileged user `nobody` when the test runs as root, stopped with the test.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type GatewayProcess = { directory: string; stop(): Promise<void> };

const NOBODY = 65534;
const runningAsRoot = process.getuid?.() === 0;

export function gatewayDirectory(name: string): string {
  const directory = mkdtempSync(join(tmpdir(), `hopwatch-${name}-`));
  if (runningAsRoot) chownSync(directory, NOBODY, NOBODY);
  return directory;
}

export function writeConfig(directory: string, file: string, text: string): string {
  const path = join(directory, file);
  writeFileSync(path, text);
  return path;
}

export async function startGateway(command: string, args: string[], directory: string, ports: number[]): Promise<GatewayProcess> {
  const child: ChildProcess = runningAsRoot
    ? spawn('runuser', ['-u', 'nobody', '--', command, ...args], { stdio: 'ignore' })
    : spawn(command, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.all(ports.map((port) => waitForPort(port, child)));
  // A gateway that failed to bind one port still listens on the others while it retries, then exits:
  // make sure it is still there once it has settled.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode} after start (a port taken?); see ${directory}`);
  return {
    directory,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode} before listening on ${port}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gateway did not listen on 127.0.0.1:${port}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

export function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
