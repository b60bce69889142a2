import { MigrationInterface, QueryRunner } from 'typeorm';

// Hourly and daily rollups of check results. A row takes updates only while its hour (day) is current, so
// pages keep a little room for new row versions (fillfactor 90): most updates stay HOT (no index write)
// without leaving a large part of every page, kept forever, empty.
function rollupTable(name: string): string {
  return `
      CREATE TABLE "${name}" (
        "site_id" uuid NOT NULL,
        "bucket_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "target" character varying(80) NOT NULL,
        "region" character varying(63) NOT NULL,
        "checks" integer NOT NULL,
        "up" integer NOT NULL,
        "failed" integer NOT NULL,
        "missed" integer NOT NULL,
        "status_5xx" integer NOT NULL,
        "status_502" integer NOT NULL,
        "status_503" integer NOT NULL,
        "status_504" integer NOT NULL,
        "timeouts" integer NOT NULL,
        "latency_sum_ms" double precision NOT NULL,
        "downtime_seconds" integer NOT NULL,
        "latency_histogram" jsonb NOT NULL,
        "status_counts" jsonb NOT NULL,
        CONSTRAINT "PK_${name}" PRIMARY KEY ("site_id", "bucket_start", "target", "region"),
        CONSTRAINT "FK_${name}_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE
      ) WITH (fillfactor = 90)`;
}

export class History1795300300000 implements MigrationInterface {
  name = 'History1795300300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rollupTable('rollups_hourly'));
    await queryRunner.query(rollupTable('rollups_daily'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rollups_daily"`);
    await queryRunner.query(`DROP TABLE "rollups_hourly"`);
  }
}
