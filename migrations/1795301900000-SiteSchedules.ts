import { MigrationInterface, QueryRunner } from 'typeorm';

// The scheduler moves every site's next run once an interval. In the sites row that was a new version of a
// 320-byte row with an entry in each of its five indexes (six WAL records and about 590 bytes of WAL a site, as
// much as the result insert with its rollup); at 100,000 entry-only sites it was Postgres's costliest statement.
// The schedule now has its own narrow row and two indexes. `paused` is kept beside it (written with the site's)
// so the due index still leaves paused sites out.
export class SiteSchedules1795301900000 implements MigrationInterface {
  name = 'SiteSchedules1795301900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "site_schedules" (
        "site_id" uuid PRIMARY KEY REFERENCES "sites" ("id") ON DELETE CASCADE,
        "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_enqueued_slot" TIMESTAMP WITH TIME ZONE,
        "paused" boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`
      INSERT INTO "site_schedules" ("site_id", "next_run_at", "last_enqueued_slot", "paused")
      SELECT "id", "next_run_at", "last_enqueued_slot", "paused" FROM "sites"`);
    await queryRunner.query(`CREATE INDEX "site_schedules_due" ON "site_schedules" ("next_run_at") WHERE NOT "paused"`);
    await queryRunner.query(`DROP INDEX "sites_due"`);
    await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "next_run_at", DROP COLUMN "last_enqueued_slot"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" ADD COLUMN "next_run_at" TIMESTAMP WITH TIME ZONE, ADD COLUMN "last_enqueued_slot" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      UPDATE "sites" SET "next_run_at" = schedule."next_run_at", "last_enqueued_slot" = schedule."last_enqueued_slot"
        FROM "site_schedules" AS schedule WHERE schedule."site_id" = "sites"."id"`);
    await queryRunner.query(`ALTER TABLE "sites" ALTER COLUMN "next_run_at" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "sites_due" ON "sites" ("next_run_at") WHERE NOT "paused"`);
    await queryRunner.query(`DROP TABLE "site_schedules"`);
  }
}
