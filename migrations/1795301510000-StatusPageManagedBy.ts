import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which tool created a status page, so `hopwatch apply --prune` never deletes hand-made ones. */
export class StatusPageManagedBy1795301510000 implements MigrationInterface {
  name = 'StatusPageManagedBy1795301510000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "status_pages" ADD "managed_by" varchar(63)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "status_pages" DROP COLUMN "managed_by"`);
  }
}
