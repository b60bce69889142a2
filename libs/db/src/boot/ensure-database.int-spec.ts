import { randomBytes } from 'node:crypto';
import { SERVER_URL, withServer } from '../../../../test/support/test-database';
import { ensureDatabase } from './ensure-database';

describe('ensureDatabase', () => {
  const names: string[] = [];
  const freshName = () => {
    const name = `hopwatch_e_${randomBytes(6).toString('hex')}`;
    names.push(name);
    return name;
  };
  const exists = (name: string) => withServer(async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

  afterAll(async () => {
    for (const name of names) await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('creates a missing database and leaves an existing one alone', async () => {
    const name = freshName();
    await ensureDatabase(`${SERVER_URL}/${name}`);
    expect(await exists(name)).toBe(true);
    await expect(ensureDatabase(`${SERVER_URL}/${name}`)).resolves.toBeUndefined();
  });

  // Processes booting together on a fresh database all check, find it missing and create it at the same moment.
  it('succeeds in every caller when several create the same database at once', async () => {
    for (let round = 0; round < 5; round++) {
      const name = freshName();
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => ensureDatabase(`${SERVER_URL}/${name}`)));
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(await exists(name)).toBe(true);
    }
  });

  it('still reports any other failure to create', async () => {
    const role = `hopwatch_nocreate_${randomBytes(4).toString('hex')}`;
    await withServer((client) => client.query(`CREATE ROLE "${role}" LOGIN NOCREATEDB`));
    try {
      const url = new URL(`${SERVER_URL}/${freshName()}`);
      url.username = role;
      await expect(ensureDatabase(url.toString())).rejects.toMatchObject({ code: '42501' });
    } finally {
      await withServer((client) => client.query(`DROP ROLE "${role}"`));
    }
  });
});
