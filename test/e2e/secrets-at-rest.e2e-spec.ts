// Webhook secrets are stored sealed with HOPWATCH_SECRET_KEY, still sign deliveries, and follow a key rotation.
import { DataSource } from 'typeorm';
import { generateSecretKey, SecretBox } from '@hopwatch/platform';
import { bootApi } from '../support/boot-api';
import { TEST_SECRET_KEY } from '../support/test-config';

describe('secrets at rest', () => {
  it('stores a webhook secret sealed, and seals it again with a new key after a rotation', async () => {
    const first = await bootApi();
    const { body: channel } = await first.http().post('/api/v1/alert-channels').set(first.auth())
      .send({ name: 'hook', kind: 'webhook', url: 'https://hooks.example.com/x' }).expect(201);
    const stored = async (dataSource: DataSource) =>
      (await dataSource.query('SELECT webhook_secret FROM alert_channels WHERE id = $1', [channel.id]))[0].webhook_secret as string;

    const sealed = await stored(first.app.get(DataSource));
    expect(SecretBox.isSealed(sealed)).toBe(true);
    const dump = JSON.stringify(await first.app.get(DataSource).query('SELECT * FROM alert_channels'));
    expect(dump).not.toContain(channel.secret.slice('whsec_'.length));
    expect(new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64')).open(sealed)).toBe(channel.secret);
    await first.app.close();

    const newKey = generateSecretKey();
    // The same database as before, under a new key with the old one kept as previous.
    const rotated = await bootApi({ HOPWATCH_SECRET_KEY: newKey, HOPWATCH_SECRET_KEY_PREVIOUS: TEST_SECRET_KEY, DATABASE_URL: first.database.url });
    try {
      const resealed = await stored(rotated.app.get(DataSource));
      const newBox = new SecretBox(Buffer.from(newKey, 'base64'));
      expect(newBox.isStale(resealed)).toBe(false);
      expect(newBox.open(resealed)).toBe(channel.secret);
    } finally {
      await rotated.close();
      await first.database.drop();
    }
  });
});
