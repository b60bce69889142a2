import { MigrationInterface, QueryRunner } from 'typeorm';

/** A load_balancer hop can list the servers behind it, each probed directly. */
export class HopBackends1795301200100 implements MigrationInterface {
  name = 'HopBackends1795301200100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hops" ADD "backends" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hops" DROP COLUMN "backends"`);
  }
}
