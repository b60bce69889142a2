import { MigrationInterface, QueryRunner } from 'typeorm';

/** Push (heartbeat) monitors: a site with a ping token is judged from the pings its job sends. */
export class PushMonitors1795301300000 implements MigrationInterface {
  name = 'PushMonitors1795301300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" ADD "push_token" varchar(64)`);
    await queryRunner.query(`ALTER TABLE "sites" ADD "push_period_seconds" int`);
    await queryRunner.query(`ALTER TABLE "sites" ADD "push_grace_seconds" int`);
    await queryRunner.query(`ALTER TABLE "sites" ADD "push_last_success_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "sites" ADD "push_last_start_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "sites" ADD "push_last_fail_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "sites" ADD CONSTRAINT "sites_push_token_unique" UNIQUE ("push_token")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" DROP CONSTRAINT "sites_push_token_unique"`);
    for (const column of ['push_last_fail_at', 'push_last_start_at', 'push_last_success_at', 'push_grace_seconds', 'push_period_seconds', 'push_token']) {
      await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "${column}"`);
    }
  }
}
