import { Client } from 'pg';
import { describeCause, ServiceUnreachableError } from '@hopwatch/platform';

const HOW_TO_START =
  'Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ' +
  '(or `docker compose up -d postgres`), or point DATABASE_URL at a running server.';

/** Connects to the server's maintenance database and creates the target database when it is missing. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const databaseName = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ServiceUnreachableError('PostgreSQL', `${target.hostname}:${target.port || 5432}`, describeCause(error), HOW_TO_START);
  }
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${databaseName.replace(/"/g, '""')}"`).catch((error: { code?: string; constraint?: string }) => {
        if (!createdMeanwhile(error)) throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Whether CREATE DATABASE failed because another process created the same database first. Postgres says so in two
 * ways: "already exists" when the other's creation had committed, or a unique violation on pg_database's name index
 * when both ran at once (the all-in-one process and a worker booting together on a fresh database).
 */
function createdMeanwhile(error: { code?: string; constraint?: string }): boolean {
  return error.code === '42P04' || (error.code === '23505' && error.constraint === 'pg_database_datname_index');
}
