// A database of its own for each demo run, next to the one DATABASE_URL names, dropped when the demo stops.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@hopwatch/platform';
import { Client } from 'pg';

export class DemoDatabase {
  readonly url: string;
  readonly name = `hopwatch_demo_${randomBytes(4).toString('hex')}`;
  private readonly serverUrl: URL;

  constructor(env: Readonly<Record<string, string | undefined>>) {
    this.serverUrl = new URL(loadConfig({ ...env }).databaseUrl);
    const url = new URL(this.serverUrl);
    url.pathname = `/${this.name}`;
    this.url = url.toString();
  }

  async drop(): Promise<void> {
    const maintenance = new URL(this.serverUrl);
    maintenance.pathname = '/postgres';
    const client = new Client({ connectionString: maintenance.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}
