import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// Below the kernel's ephemeral range (32768-60999 on our machines): a port handed out for "listen on 0" or an
// outgoing connection in another test file can never land on one of ours between choosing it and binding it.
const EPHEMERAL_START = ephemeralStart();
const LAST = EPHEMERAL_START - 1;
const FIRST = Math.max(1_025, LAST - 12_000);

function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A loopback port nothing listens on right now, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST));
    if (await bindable(port)) return port;
  }
  throw new Error('no free loopback port found');
}
