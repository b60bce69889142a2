// `npm run bench`: the real hopwatch processes (all-in-one, or api + scheduler + N workers with --workers N)
// against local Postgres and Redis, checking N sites (entry + two hops + one resolver) on loopback for a few
// intervals. Prints one JSON summary with CPU and RSS of every process, Postgres and Redis included, and the CPU
// a probe costs; progress goes to stderr.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { migrateDatabase } from '@hopwatch/db';
import { BENCH_HOSTNAME } from './support/bench-targets';
import { postgresProcesses, redisProcess, startHopwatch } from './support/bench-processes';
import { processTree, ProcessSampler, round } from './support/process-sampler';
import { hotCommands, hotFunctions, hotStatements, resetStatistics } from './support/profile';
import { BenchTargets, seedSites } from './support/seed-sites';
import { measure } from './support/pipeline-figures';
import { pipelineState } from './support/pipeline-state';

/**
 * `workers` 0 runs the all-in-one process; N runs the api, the scheduler and N worker processes. `profile` 1: see
 * support/profile.ts. `chain` 1: entry + two hops + one resolver per site; 0: the entry alone.
 */
type Options = { sites: number; interval: number; duration: number; workers: number; profile: number; chain: number };

const SERVER = process.env.HOPWATCH_BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
// A scratch database and Redis prefix of its own, dropped and flushed at the start (a test runs it under other names).
const DATABASE = process.env.HOPWATCH_BENCH_DATABASE ?? 'hopwatch_bench';
const DATABASE_URL = `${SERVER}/${DATABASE}`;
const PREFIX = process.env.HOPWATCH_BENCH_REDIS_PREFIX ?? 'hopwatch-bench';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function parseOptions(argv: string[]): Options {
  const options: Options = { sites: 10_000, interval: 60, duration: 0, workers: 0, profile: 0, chain: 1 };
  for (let index = 0; index < argv.length; index += 2) {
    const key = argv[index].replace(/^--/, '') as keyof Options;
    const value = Number(argv[index + 1]);
    if (!(key in options) || !Number.isInteger(value) || value < (['workers', 'profile', 'chain'].includes(key) ? 0 : 1)) {
      throw new Error(`bad option ${argv[index]} ${argv[index + 1]} (use --sites N --interval S --duration S --workers N --profile 0|1 --chain 1|0)`);
    }
    options[key] = value;
  }
  if (options.duration === 0) options.duration = options.interval * 3;
  return options;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** One bench-targets child (`http`: the sites' servers, `dns`: the resolver), with the addresses it printed. */
async function startTargets(role: 'http' | 'dns'): Promise<{ child: ChildProcess; addresses: Partial<BenchTargets> & { server?: string } }> {
  const child = spawn(process.execPath, [join(__dirname, 'support', 'bench-targets.js'), role], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => child.kill('SIGKILL'));
  const [line] = await new Promise<string[]>((resolve) => createInterface({ input: child.stdout! }).once('line', (text) => resolve([text])));
  return { child, addresses: JSON.parse(line) };
}

async function resetStores(): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await admin.end();
  await migrateDatabase(DATABASE_URL);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}:*`);
  for (let index = 0; index < keys.length; index += 1_000) await redis.del(...keys.slice(index, index + 1_000));
  redis.disconnect();
}

async function profileOf(folder: string, statementsTracked: boolean) {
  log(`CPU profiles in ${folder} (open them in Chrome DevTools)`);
  return {
    folder,
    hotFunctions: hotFunctions(folder, (file) => file.replace(/\.cpuprofile$/, '')),
    hotStatements: statementsTracked ? await hotStatements(DATABASE_URL) : 'pg_stat_statements is not preloaded on this server',
    hotRedisCommands: await hotCommands(REDIS_URL),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const layout = options.workers === 0 ? 'all-in-one' : `api + scheduler + ${options.workers} workers`;
  log(`preparing ${options.sites} sites at ${options.interval} s for ${options.duration} s (${layout})`);
  await resetStores();
  const [http, dns] = await Promise.all([startTargets('http'), startTargets('dns')]);
  const { server: targetServer, ...httpAddresses } = http.addresses;
  const targets = { ...httpAddresses, ...dns.addresses } as BenchTargets;
  log(`the sites' HTTP servers: ${targetServer} (HOPWATCH_BENCH_TARGETS=node for Node's own)`);
  const env = {
    DATABASE_URL,
    HOPWATCH_REDIS_PREFIX: PREFIX,
    HOPWATCH_TARGET_ALLOW: '127.0.0.0/8',
    HOPWATCH_RESOLVERS: targets.dns,
    HOPWATCH_ADMIN_KEY: 'hw_bench_admin_key_0123456789abcdef',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const profileDir = options.profile ? mkdtempSync(join(tmpdir(), 'hopwatch-bench-profile-')) : null;
  const statementsTracked = options.profile ? await resetStatistics(DATABASE_URL, REDIS_URL) : false;
  const hopwatch = await startHopwatch(options.workers, env, profileDir);
  // The fleet is created once the service runs, as through the API: the first slots follow its creation, not its boot.
  await hopwatch.ready();
  const firstSlots = await seedSites(DATABASE_URL, options.sites, options.interval, BENCH_HOSTNAME, targets, options.chain === 1);
  const sampler = new ProcessSampler({
    ...Object.fromEntries([...hopwatch.children].map(([name, child]) => [name, child.pid!])),
    postgres: await postgresProcesses(DATABASE_URL),
    redis: await redisProcess(REDIS_URL),
    targets: processTree(http.child.pid!),
    'targets-dns': dns.child.pid!,
  });
  sampler.start();
  const startedAt = Date.now();
  const progress = setInterval(() => log(`${Math.round((Date.now() - startedAt) / 1000)} s elapsed`), 10_000);
  // Each interval's CPU apart: the first one carries the new fleet's first checks.
  const checkpoints = Array.from({ length: Math.ceil(options.duration / options.interval) - 1 }, (_, index) =>
    setTimeout(() => sampler.checkpoint(), (index + 1) * options.interval * 1000),
  );
  await new Promise((resolve) => setTimeout(resolve, options.duration * 1000));
  const endedAt = Date.now();
  clearInterval(progress);
  checkpoints.forEach(clearTimeout);
  // Measured up to the end of the run, before the processes stop: shutting down is not checking.
  const processes = sampler.stop();
  const atEnd = await pipelineState(hopwatch);
  await hopwatch.stop();
  http.child.kill('SIGTERM');
  dns.child.kill('SIGTERM');
  const figures = await measure(DATABASE_URL, firstSlots, endedAt, options.interval);
  const profile = profileDir ? await profileOf(profileDir, statementsTracked) : undefined;
  const seconds = (endedAt - startedAt) / 1000;
  // Everything a probe costs on this box: hopwatch, Postgres and Redis; the loopback targets are the outside world.
  const cpuSeconds = Object.entries(processes).filter(([name]) => !name.startsWith('targets')).reduce((total, [, figure]) => total + figure.cpuSeconds, 0);
  process.stdout.write(
    `${JSON.stringify({
      sites: options.sites,
      shape: options.chain === 1 ? 'entry + two hops + resolver' : 'entry only',
      intervalSeconds: options.interval,
      layout,
      targetServer,
      durationSeconds: round(seconds),
      probesPerSecond: round(figures.probes / seconds),
      rowsWrittenPerSecond: round(figures.rows / seconds),
      cpuMsPerProbe: figures.probes > 0 ? round((cpuSeconds * 1000) / figures.probes, 3) : null,
      slotLatenessMs: figures.latenessMs,
      slotLatenessP99ByIntervalMs: figures.latenessP99ByIntervalMs,
      slotsExpected: figures.slotsExpected,
      slotsChecked: figures.slotsChecked,
      missedSlots: figures.missed,
      duplicateResults: figures.duplicates,
      bytesPerStoredResult: figures.bytesPerStoredResult,
      bytesPerSiteOnce: figures.bytesPerSiteOnce,
      processes,
      atEnd,
      profile,
    })}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
