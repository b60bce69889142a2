import { MigrationInterface, QueryRunner } from 'typeorm';

/** Incidents of sites failing at one shared hop are grouped under one root incident. */
export class RootIncidents1795301200200 implements MigrationInterface {
  name = 'RootIncidents1795301200200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" ADD "root_incident_id" uuid`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "shared_hop_keys" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_incidents_root" FOREIGN KEY ("root_incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(`CREATE INDEX "incidents_root" ON "incidents" ("root_incident_id") WHERE "root_incident_id" IS NOT NULL`);
    // the open roots a new incident may join, found by a key in common
    await queryRunner.query(`CREATE INDEX "incidents_open_shared_hops" ON "incidents" USING gin ("shared_hop_keys") WHERE "status" = 'open' AND "root_incident_id" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "incidents_open_shared_hops"`);
    await queryRunner.query(`DROP INDEX "incidents_root"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_incidents_root"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "shared_hop_keys"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "root_incident_id"`);
  }
}
