import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// Below the kernel's ephemeral range (32768-60999 on our machines): a port handed out for "listen on 0" or an
// outgoing connection in another test file can never land on one of ours between choosing it and binding it.
const EPHEMERAL_START = ephemeralStart();
const RANGE_FIRST = Math.max(1_025, EPHEMERAL_START - 12_000);
// Each jest worker draws from its own slice, and no port is handed out twice in a process: a port a test
// closed on purpose (an app that "goes down") cannot be picked up by the next test and answer in its place.
const SLICES = 4;
const SLICE_SIZE = Math.floor((EPHEMERAL_START - RANGE_FIRST) / SLICES);
const FIRST = RANGE_FIRST + ((Number(process.env.JEST_WORKER_ID ?? 1) - 1) % SLICES) * SLICE_SIZE;
const handedOut = new Set<number>();

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

/** A loopback port nothing listens on right now, outside the ephemeral range, never given out before in this process. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = FIRST + Math.floor(Math.random() * SLICE_SIZE);
    if (handedOut.has(port) || !(await bindable(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no free loopback port found');
}
