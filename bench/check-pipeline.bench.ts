// `npm run bench`: the real scheduler and worker processes against local Postgres and Redis, checking N
// sites (entry + two hops + one resolver) on loopback for a few intervals. Prints one JSON summary;
// progress goes to stderr.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { migrateDatabase } from '@hopwatch/db';
import { BENCH_HOSTNAME } from './support/bench-targets';
import { ProcessSampler, round } from './support/process-sampler';
import { BenchTargets, seedSites } from './support/seed-sites';
import { measure } from './support/pipeline-figures';

type Options = { sites: number; interval: number; duration: number };

const SERVER = process.env.HOPWATCH_BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE_URL = `${SERVER}/hopwatch_bench`;
const PREFIX = 'hopwatch-bench';

function parseOptions(argv: string[]): Options {
  const options: Options = { sites: 10_000, interval: 60, duration: 0 };
  for (let index = 0; index < argv.length; index += 2) {
    const key = argv[index].replace(/^--/, '') as keyof Options;
    const value = Number(argv[index + 1]);
    if (!(key in options) || !Number.isInteger(value) || value <= 0) throw new Error(`bad option ${argv[index]} ${argv[index + 1]} (use --sites N --interval S --duration S)`);
    options[key] = value;
  }
  if (options.duration === 0) options.duration = options.interval * 3;
  return options;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function startNode(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(__dirname, '..', script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout?.on('data', () => undefined);
  return child;
}

async function startTargets(): Promise<{ child: ChildProcess; targets: BenchTargets }> {
  const child = spawn(process.execPath, [join(__dirname, 'support', 'bench-targets.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await new Promise<string[]>((resolve) => createInterface({ input: child.stdout! }).once('line', (text) => resolve([text])));
  return { child, targets: JSON.parse(line) };
}

async function resetStores(): Promise<void> {
  const admin = new Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS hopwatch_bench WITH (FORCE)');
  await admin.end();
  await migrateDatabase(DATABASE_URL);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${PREFIX}:*`);
  for (let index = 0; index < keys.length; index += 1_000) await redis.del(...keys.slice(index, index + 1_000));
  redis.disconnect();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  log(`preparing ${options.sites} sites at ${options.interval} s for ${options.duration} s`);
  await resetStores();
  const { child: targetsProcess, targets } = await startTargets();
  const firstSlots = await seedSites(DATABASE_URL, options.sites, options.interval, BENCH_HOSTNAME, targets);
  const env = {
    DATABASE_URL,
    HOPWATCH_REDIS_PREFIX: PREFIX,
    HOPWATCH_TARGET_ALLOW: '127.0.0.0/8',
    HOPWATCH_RESOLVERS: targets.dns,
    HOPWATCH_ADMIN_KEY: 'hw_bench_admin_key_0123456789abcdef',
    LOG_LEVEL: 'warn',
  };
  const scheduler = startNode('apps/scheduler/src/main.js', env);
  const worker = startNode('apps/worker/src/main.js', env);
  const sampler = new ProcessSampler({ scheduler: scheduler.pid!, worker: worker.pid!, targets: targetsProcess.pid! });
  sampler.start();
  const startedAt = Date.now();
  const progress = setInterval(() => log(`${Math.round((Date.now() - startedAt) / 1000)} s elapsed`), 10_000);
  await new Promise((resolve) => setTimeout(resolve, options.duration * 1000));
  const endedAt = Date.now();
  scheduler.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  clearInterval(progress);
  const processes = sampler.stop();
  worker.kill('SIGTERM');
  targetsProcess.kill('SIGTERM');
  const figures = await measure(DATABASE_URL, firstSlots, endedAt, options.interval);
  const seconds = (endedAt - startedAt) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      sites: options.sites,
      intervalSeconds: options.interval,
      durationSeconds: round(seconds),
      probesPerSecond: round(figures.probes / seconds),
      rowsWrittenPerSecond: round(figures.rows / seconds),
      slotLatenessMs: figures.latenessMs,
      slotsExpected: figures.slotsExpected,
      slotsChecked: figures.slotsChecked,
      missedSlots: figures.missed,
      duplicateResults: figures.duplicates,
      bytesPerStoredResult: figures.bytesPerStoredResult,
      processes,
    })}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
