// Child process of the benchmark: the sites' entry and two hops as HTTP servers on loopback, plus a DNS
// server that resolves the entry name. Prints its addresses as one JSON line, runs until SIGTERM.
import { startDnsServer } from '../../test/support/dns-server';
import { startTargetServer } from '../../test/support/target-server';

export const BENCH_HOSTNAME = 'bench.hopwatch.test';

async function main(): Promise<void> {
  const [entry, proxy, app] = await Promise.all([startTargetServer(), startTargetServer(), startTargetServer()]);
  const dns = await startDnsServer({ [BENCH_HOSTNAME]: { A: ['127.0.0.1'] } });
  process.stdout.write(`${JSON.stringify({ entryPort: entry.port, proxyPort: proxy.port, appPort: app.port, dns: dns.address })}\n`);
  const stop = async () => {
    await Promise.all([entry.close(), proxy.close(), app.close(), dns.close()]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  // The test DNS server keeps every query for assertions; the benchmark has no use for them.
  setInterval(() => dns.queries.splice(0), 1_000).unref();
}

if (require.main === module) void main();
