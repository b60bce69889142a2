import { MigrationInterface, QueryRunner } from 'typeorm';

/** An incident starts at its first failed check and is confirmed when the open rule fires; it keeps its failure rate. */
export class IncidentShape1795301200000 implements MigrationInterface {
  name = 'IncidentShape1795301200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" ADD "confirmed_at" timestamptz`);
    await queryRunner.query(`UPDATE "incidents" SET "confirmed_at" = "started_at"`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "failure_rate" jsonb`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "observed_window" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "observed_window"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "failure_rate"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "confirmed_at"`);
  }
}
