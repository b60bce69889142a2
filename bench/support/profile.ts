// `npm run bench -- --profile 1`: where the time goes. The hopwatch processes run with --cpu-prof and their
// profiles are summed up by function; Postgres reports its costliest statements (pg_stat_statements, when the
// server preloads it) and Redis its costliest commands (INFO commandstats), both reset at the start of the run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
export type HotFunction = { function: string; selfMs: number; share: number };
export type HotStatement = { query: string; calls: number; totalMs: number; meanMs: number; rows: number };
export type HotCommand = { command: string; calls: number; totalMs: number; perCallUs: number };

const TOP = 15;

export async function resetStatistics(databaseUrl: string, redisUrl: string): Promise<boolean> {
  const redis = new Redis(redisUrl);
  await redis.config('RESETSTAT');
  redis.disconnect();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
    return true;
  } catch {
    return false; // not preloaded: shared_preload_libraries = 'pg_stat_statements'
  } finally {
    await client.end();
  }
}

export async function hotStatements(databaseUrl: string): Promise<HotStatement[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query, calls::int, round(total_exec_time::numeric, 1)::float AS "totalMs",
              round(mean_exec_time::numeric, 3)::float AS "meanMs", rows::int
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT ${TOP}`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

export async function hotCommands(redisUrl: string): Promise<HotCommand[]> {
  const redis = new Redis(redisUrl);
  const info = await redis.info('commandstats');
  redis.disconnect();
  const commands = [...info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+),usec_per_call=([\d.]+)/gm)].map(([, command, calls, usec, perCall]) => ({
    command, calls: Number(calls), totalMs: Math.round(Number(usec) / 1000), perCallUs: Number(perCall),
  }));
  return commands.sort((a, b) => b.totalMs - a.totalMs).slice(0, TOP);
}

/** Self time per function over every .cpuprofile in the folder (one per process), the top first. */
export function hotFunctions(folder: string, processName: (file: string) => string): Record<string, HotFunction[]> {
  const byProcess: Record<string, HotFunction[]> = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile;
    const names = new Map(profile.nodes.map((node) => [node.id, describe(node.callFrame)]));
    const selfUs = new Map<string, number>();
    profile.samples.forEach((id, index) => {
      const name = names.get(id) ?? '?';
      selfUs.set(name, (selfUs.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
    const total = [...selfUs.values()].reduce((sum, value) => sum + value, 0) || 1;
    byProcess[processName(file)] = [...selfUs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, us]) => ({ function: name, selfMs: Math.round(us / 1000), share: Math.round((us / total) * 1000) / 10 }));
  }
  return byProcess;
}

function describe(frame: { functionName: string; url: string; lineNumber: number }): string {
  const where = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, '');
  return `${frame.functionName || '(anonymous)'} ${where ? `${where}:${frame.lineNumber + 1}` : ''}`.trim();
}
