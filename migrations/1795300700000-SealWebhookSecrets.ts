import { MigrationInterface, QueryRunner } from 'typeorm';
import { loadConfig, loadSecretBox, SecretBox } from '@hopwatch/platform';

type Row = { id: string; webhook_secret: string };

/**
 * Webhook secrets were stored in clear: seal them with the secret key (see SecretBox); down opens them again.
 * The key is loaded only when there is a row to convert, so an empty database migrates without one.
 */
export class SealWebhookSecrets1795300700000 implements MigrationInterface {
  name = 'SealWebhookSecrets1795300700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.convert(queryRunner, (value) => !SecretBox.isSealed(value), (box, value) => box.seal(value));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.convert(queryRunner, (value) => SecretBox.isSealed(value), (box, value) => box.open(value));
  }

  private async convert(queryRunner: QueryRunner, applies: (value: string) => boolean, change: (box: SecretBox, value: string) => string): Promise<void> {
    const rows: Row[] = await queryRunner.query(`SELECT id, webhook_secret FROM alert_channels WHERE webhook_secret IS NOT NULL`);
    const pending = rows.filter((row) => applies(row.webhook_secret));
    if (pending.length === 0) return;
    const box = loadSecretBox(loadConfig());
    for (const row of pending) {
      await queryRunner.query(`UPDATE alert_channels SET webhook_secret = $2 WHERE id = $1`, [row.id, change(box, row.webhook_secret)]);
    }
  }
}
