import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SecretBox } from '@hopwatch/platform';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { TEST_SECRET_KEY } from '../../../../test/support/test-config';
import { dataSourceOptions, MIGRATIONS_TABLE } from '../data-source-options';

describe('the migration that seals webhook secrets', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
  const clear = 'whsec_bWlncmF0aW9uIHRlc3Qgc2VjcmV0IGJ5dGVz';
  const environmentBefore = process.env.HOPWATCH_SECRET_KEY;

  beforeAll(async () => {
    // Migrations read the key the way every process does: from the environment.
    process.env.HOPWATCH_SECRET_KEY = TEST_SECRET_KEY;
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 1)).initialize();
  });

  afterAll(async () => {
    if (environmentBefore === undefined) delete process.env.HOPWATCH_SECRET_KEY;
    else process.env.HOPWATCH_SECRET_KEY = environmentBefore;
    await dataSource.destroy();
    await database.drop();
  });

  const SEAL = 'SealWebhookSecrets1795300700000';

  /** Undoes migrations, newest first, until `name` is no longer applied (the ones after it go first). */
  async function undoThrough(name: string): Promise<void> {
    while ((await dataSource.query(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE name = $1`, [name])).length > 0) await dataSource.undoLastMigration();
  }

  const storedSecret = async (): Promise<string> => (await dataSource.query(`SELECT webhook_secret FROM alert_channels WHERE name = 'legacy'`))[0].webhook_secret;

  it('seals a secret stored in clear, and its down migration opens it again', async () => {
    await undoThrough(SEAL);
    await dataSource.query(`INSERT INTO alert_channels (name, kind, webhook_url, webhook_secret) VALUES ('legacy', 'webhook', 'https://hooks.example.com/', $1)`, [clear]);

    expect((await dataSource.runMigrations()).map((migration) => migration.name)[0]).toBe(SEAL);
    const sealed = await storedSecret();
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(clear.slice('whsec_'.length, 20));
    expect(box.open(sealed)).toBe(clear);

    await undoThrough(SEAL);
    expect(await storedSecret()).toBe(clear);
    await dataSource.runMigrations();
    expect(box.open(await storedSecret())).toBe(clear);
  });
});
