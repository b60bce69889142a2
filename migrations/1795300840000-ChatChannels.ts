import { MigrationInterface, QueryRunner } from 'typeorm';

/** Slack, Teams, Discord, Telegram, PagerDuty and ntfy channels: their plain settings, and their one secret apart. */
export class ChatChannels1795300840000 implements MigrationInterface {
  name = 'ChatChannels1795300840000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert_channels" ADD "settings" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "alert_channels" ADD "credential" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert_channels" DROP COLUMN "credential"`);
    await queryRunner.query(`ALTER TABLE "alert_channels" DROP COLUMN "settings"`);
  }
}
