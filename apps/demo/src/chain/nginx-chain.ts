// The demo chain on a real nginx, unprivileged on loopback, reconfigured by rewriting its config and reloading.
import { ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainGateway, ChainPorts, PROXY_READ_TIMEOUT_SECONDS } from './chain-gateway';
import { waitFor, waitForPort } from './wait-for-port';

const NOBODY = 65534;

function nginxConfig(directory: string, ports: ChainPorts, upstreamPort: number, blocked: string | null): string {
  const block = blocked ? `deny ${blocked};` : '';
  return `worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${directory}/body; proxy_temp_path ${directory}/proxy; fastcgi_temp_path ${directory}/fcgi;
  uwsgi_temp_path ${directory}/uwsgi; scgi_temp_path ${directory}/scgi;
  server {
    listen 127.0.0.1:${ports.edge};
    location / { ${block} proxy_pass http://127.0.0.1:${ports.proxy}; proxy_read_timeout 30s; proxy_next_upstream off; }
  }
  server {
    listen 127.0.0.1:${ports.proxy};
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_connect_timeout 2s;
      proxy_read_timeout ${PROXY_READ_TIMEOUT_SECONDS}s;
      proxy_next_upstream off;
    }
  }
}
`;
}

export async function startNginxChain(ports: ChainPorts): Promise<ChainGateway> {
  const directory = mkdtempSync(join(tmpdir(), 'hopwatch-demo-nginx-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(directory, NOBODY, NOBODY);
  const configFile = join(directory, 'nginx.conf');
  let upstream = ports.app;
  let blocked: string | null = null;
  const write = () => writeFileSync(configFile, nginxConfig(directory, ports, upstream, blocked));
  write();
  const args = ['-p', directory, '-c', configFile, '-e', join(directory, 'error.log'), '-g', 'daemon off;'];
  const child: ChildProcess = asRoot ? spawn('runuser', ['-u', 'nobody', '--', 'nginx', ...args], { stdio: 'ignore' }) : spawn('nginx', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(ports.edge, () => child.exitCode !== null);
  await waitForPort(ports.proxy, () => child.exitCode !== null);
  const pidFile = join(directory, 'nginx.pid');
  // nginx opens its ports a moment before it writes its pid file.
  await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 'nginx to write its pid file');
  const masterPid = () => Number(readFileSync(pidFile, 'utf8').trim());
  const reload = async () => {
    write();
    process.kill(masterPid(), 'SIGHUP');
    // nginx starts new workers with the new config and retires the old ones gracefully.
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  return {
    product: 'nginx',
    setProxyUpstream: async (port) => ((upstream = port), reload()),
    blockSource: async (address) => ((blocked = address), reload()),
    pids: () => [child.pid!, masterPid()].filter(Boolean),
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(masterPid(), 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
