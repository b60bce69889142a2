import { MigrationInterface, QueryRunner } from 'typeorm';

/** DNS sites (`dns://name`): the record type asked for and the answers expected. */
export class DnsSites1795301320000 implements MigrationInterface {
  name = 'DnsSites1795301320000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" ADD "dns_record_type" varchar(8)`);
    await queryRunner.query(`ALTER TABLE "sites" ADD "dns_expect" text array`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "dns_expect"`);
    await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "dns_record_type"`);
  }
}
