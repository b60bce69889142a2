// Child process of the benchmark: with `http`, the sites' entry and two hops as HTTP servers on loopback; with
// `dns`, a DNS server that resolves the entry name. Each prints its addresses as one JSON line and runs until
// SIGTERM. The DNS server has a process of its own: sharing one with the HTTP servers, its socket was not read
// fast enough under bursts and the kernel dropped queries, which the bench then counted as DNS timeouts.
import { startDnsServer } from '../../test/support/dns-server';
import { startTargetServer } from '../../test/support/target-server';
import { nginxInstalled, startNginxTargets } from './nginx-targets';

export const BENCH_HOSTNAME = 'bench.hopwatch.test';

type Running = { addresses: Record<string, number | string>; close(): Promise<unknown> };

async function startHttp(): Promise<Running> {
  if (process.env.HOPWATCH_BENCH_TARGETS !== 'node' && nginxInstalled()) {
    const nginx = await startNginxTargets();
    return { addresses: { ...nginx.addresses, server: 'nginx' }, close: () => nginx.close() };
  }
  const servers = await Promise.all([startTargetServer(), startTargetServer(), startTargetServer()]);
  const [entry, proxy, app] = servers;
  return { addresses: { entryPort: entry.port, proxyPort: proxy.port, appPort: app.port, server: 'node' }, close: () => Promise.all(servers.map((server) => server.close())) };
}

async function startDns(): Promise<Running> {
  const dns = await startDnsServer({ [BENCH_HOSTNAME]: { A: ['127.0.0.1'] } });
  // The test DNS server keeps every query for assertions; the benchmark has no use for them.
  setInterval(() => dns.queries.splice(0), 1_000).unref();
  return { addresses: { dns: dns.address }, close: () => dns.close() };
}

async function main(): Promise<void> {
  const running = process.argv[2] === 'dns' ? await startDns() : await startHttp();
  process.stdout.write(`${JSON.stringify(running.addresses)}\n`);
  process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
}

if (require.main === module) void main();
