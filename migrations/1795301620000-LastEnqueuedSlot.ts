import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The slot the scheduler last enqueued for each site, written with the claim. After Redis loses its queued jobs the
 * scheduler re-enqueues exactly these slots, instead of inferring them from next_run_at (wrong once the site is
 * rescheduled) and created_at.
 */
export class LastEnqueuedSlot1795301620000 implements MigrationInterface {
  name = 'LastEnqueuedSlot1795301620000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" ADD "last_enqueued_slot" timestamptz`);
    // What the inference said until now, so an upgrade in the middle of a Redis outage still recovers.
    await queryRunner.query(
      `UPDATE "sites" SET "last_enqueued_slot" = "next_run_at" - make_interval(secs => "interval_seconds")
        WHERE "next_run_at" - make_interval(secs => "interval_seconds") >= "created_at"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "last_enqueued_slot"`);
  }
}
