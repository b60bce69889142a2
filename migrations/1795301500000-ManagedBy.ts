import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which tool created an alert channel or maintenance window, so `hopwatch apply --prune` never deletes hand-made ones. */
export class ManagedBy1795301500000 implements MigrationInterface {
  name = 'ManagedBy1795301500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert_channels" ADD "managed_by" varchar(63)`);
    await queryRunner.query(`ALTER TABLE "maintenance_windows" ADD "managed_by" varchar(63)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "maintenance_windows" DROP COLUMN "managed_by"`);
    await queryRunner.query(`ALTER TABLE "alert_channels" DROP COLUMN "managed_by"`);
  }
}
