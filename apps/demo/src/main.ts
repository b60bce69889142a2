// `npm run demo [-- --short] [-- --port N]`: see run-demo.ts. Ctrl-C stops everything it started.
import { parseArgs } from 'node:util';
import { loadCliEnvironment } from '@hopwatch/platform';
import { Demo } from './run-demo';

const { values } = parseArgs({ options: { short: { type: 'boolean', default: false }, port: { type: 'string' } } });
const short = values.short === true;
const port = values.port === undefined ? null : Number(values.port);
if (port !== null && !(Number.isInteger(port) && port > 0 && port < 65_536)) {
  process.stderr.write(`--port must be a port number, got "${values.port}"\n`);
  process.exit(2);
}
const log = (line: string) => process.stdout.write(`${line.split('\n').map((part) => `[demo ${new Date().toISOString().slice(11, 19)}] ${part}`).join('\n')}\n`);
const demo = new Demo({ short, port, env: loadCliEnvironment().variables, log });

async function stopAndExit(code: number): Promise<void> {
  await demo.stop().catch((error: Error) => log(`while stopping: ${error.message}`));
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping everything the demo started`);
    void stopAndExit(130);
  });
}

demo.run().then(
  async (allRight) => {
    if (short) {
      log(allRight ? 'short demo: both incidents diagnosed right' : 'short demo: an incident was not diagnosed as expected');
      return stopAndExit(allRight ? 0 : 1);
    }
    log('every cause has been shown; the dashboard stays up until Ctrl-C');
  },
  (error: Error) => {
    // Once Ctrl-C has stopped the chain, a scenario still running may trip over it: that is not a failure.
    if (demo.isStopping) return;
    log(`demo failed: ${error.message}`);
    return stopAndExit(1);
  },
);
