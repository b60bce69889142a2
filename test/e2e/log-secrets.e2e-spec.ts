// Drives database failures in the real API process while it holds secrets, then greps everything it logged.
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { TEST_SECRET_KEY } from '../support/test-config';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const API_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
const ADMIN_KEY = 'operator-chosen-admin-key-0123456789';
const URL_PASSWORD = 'hunter2-url-password';

describe('secrets in logs', () => {
  let database: TestDatabase;
  let db: Client;
  let api: ChildProcess;
  let baseUrl: string;
  let log = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [API_MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        HOPWATCH_REDIS_PREFIX: `hw-test-logs-${process.pid}`,
        HOPWATCH_ADMIN_KEY: ADMIN_KEY,
        HOPWATCH_SECRET_KEY: TEST_SECRET_KEY,
        HOPWATCH_RATE_LIMIT_SIGN_IN: '1000',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(() => fetch(`${baseUrl}/health`).then((response) => response.status, () => 0), (status) => status === 200, 60_000);
  });

  afterAll(async () => {
    api.kill('SIGKILL');
    await db.end();
    await database.drop();
  });

  const call = (method: string, path: string, body?: unknown, key = ADMIN_KEY) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** Makes every insert into the table fail with a message that quotes the new row, as a buggy trigger or constraint would. */
  async function breakInserts(table: string): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION hw_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused row %', row_to_json(NEW)::text; END $$`);
    await db.query(`CREATE TRIGGER hw_test_refuse BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION hw_test_refuse()`);
  }

  it('logs failed inserts and queries with no secret in them', async () => {
    const created = await call('POST', '/api/v1/alert-channels', { name: 'hook', kind: 'webhook', url: `https://ops:${URL_PASSWORD}@hooks.example.com/T0/B1/xyz?token=abc` });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    const apiKey = (await (await call('POST', '/api/v1/api-keys', { name: 'reader', scope: 'read' })).json()) as { key: string };

    await breakInserts('alert_channels');
    expect((await call('POST', '/api/v1/alert-channels', { name: 'hook2', kind: 'webhook', url: `https://ops:${URL_PASSWORD}@hooks.example.com/a` })).status).toBe(500);
    await db.query('DROP TRIGGER hw_test_refuse ON alert_channels');
    await breakInserts('api_keys');
    expect((await call('POST', '/api/v1/api-keys', { name: 'writer', scope: 'write' })).status).toBe(500);
    await breakInserts('sites');
    expect((await call('POST', '/api/v1/sites', { name: 'creds', url: `https://admin:${URL_PASSWORD}@shop.example.com/` })).status).toBe(500);
    // A query that fails with the key hash among its parameters.
    await db.query('ALTER TABLE api_keys RENAME COLUMN scope TO scope_gone');
    expect((await call('GET', '/api/v1/sites', undefined, apiKey.key)).status).toBe(500);
    await db.query('ALTER TABLE api_keys RENAME COLUMN scope_gone TO scope');

    await waitFor(async () => log.split('unhandled error').length - 1, (errors) => errors >= 4, 10_000);
    const secrets = [secret, secret.slice('whsec_'.length), apiKey.key, ADMIN_KEY, URL_PASSWORD, hash(ADMIN_KEY), hash(apiKey.key)];
    for (const value of secrets) expect({ value, found: log.includes(value) }).toEqual({ value, found: false });
    expect(log).not.toMatch(/whsec_[A-Za-z0-9+/]{8}/);
    expect(log).not.toMatch(/\bhw_[A-Za-z0-9_-]{16}/);
    expect(log).not.toMatch(/\b[0-9a-f]{64}\b/);
    // The failures themselves are there, with what an operator needs.
    expect(log).toContain('refused row');
    expect(log).toContain('scope');
    expect(log).toContain('"errorId"');
  });
});

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
