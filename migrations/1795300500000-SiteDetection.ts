import { MigrationInterface, QueryRunner } from 'typeorm';

export class SiteDetection1795300500000 implements MigrationInterface {
  name = 'SiteDetection1795300500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" ADD "detection" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "detection"`);
  }
}
