import { MigrationInterface, QueryRunner } from 'typeorm';

// Daily rollups are no longer upserted with every result batch: the scheduler builds a day's rows from its
// hourly rows once the day has closed (see libs/db/src/history/day-close.repository.ts). Until then, and for a
// site's day that a late result touched since, the history reads sum that day's hourly rows instead.
// - rollup_progress: days before days_closed_before have their daily rows; hourly rows before hourly_kept_since
//   may be purged, so a result that late goes straight into its daily row (there is no hour left to sum).
// - rollup_dirty_days: a (site, day) whose daily row a late result has made stale.
// - Two aggregates that add rollup rows' maps: packed latency histograms and status counts.
// Days before the migration keep the daily rows the old writer kept complete; today's is built at its close.
const COUNT_SPAN = 16_777_216;

export class DailyRollupsAtDayClose1795301800000 implements MigrationInterface {
  name = 'DailyRollupsAtDayClose1795301800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rollup_progress" (
        "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
        "days_closed_before" TIMESTAMP WITH TIME ZONE NOT NULL,
        "hourly_kept_since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT '-infinity'
      )`);
    await queryRunner.query(`INSERT INTO "rollup_progress" ("days_closed_before") VALUES (date_trunc('day', now(), 'UTC'))`);
    await queryRunner.query(`
      CREATE TABLE "rollup_dirty_days" (
        "site_id" uuid NOT NULL,
        "day" TIMESTAMP WITH TIME ZONE NOT NULL,
        "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_rollup_dirty_days" PRIMARY KEY ("site_id", "day"),
        CONSTRAINT "FK_rollup_dirty_days_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "packed_histogram_regrouped"(entries integer[]) RETURNS integer[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT coalesce(array_agg(bucket * ${COUNT_SPAN} + n ORDER BY bucket), '{}'::int[]) FROM (
            SELECT entry / ${COUNT_SPAN} AS bucket, sum(entry % ${COUNT_SPAN})::int AS n FROM unnest(entries) AS entry GROUP BY 1
          ) AS merged $$`);
    await queryRunner.query(`
      CREATE AGGREGATE "packed_histogram_sum"(integer[]) (
        SFUNC = array_cat, STYPE = integer[], INITCOND = '{}', FINALFUNC = "packed_histogram_regrouped")`);
    await queryRunner.query(`
      CREATE FUNCTION "counts_added"(sum jsonb, counts jsonb) RETURNS jsonb
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT sum || coalesce((SELECT jsonb_object_agg(key, value::int + coalesce((sum ->> key)::int, 0))
                                    FROM jsonb_each_text(counts)), '{}'::jsonb) $$`);
    await queryRunner.query(`CREATE AGGREGATE "counts_sum"(jsonb) (SFUNC = "counts_added", STYPE = jsonb, INITCOND = '{}')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old writer expects every day's daily row to be complete: rebuild the ones this scheme left to the hours.
    await queryRunner.query(`
      INSERT INTO "rollups_daily" AS daily (site_id, bucket_start, target, region, checks, up, failed, missed, status_5xx,
        status_502, status_503, status_504, timeouts, latency_sum_ms, downtime_seconds, latency_histogram, status_counts)
      SELECT hourly.site_id, date_trunc('day', hourly.bucket_start, 'UTC'), hourly.target, hourly.region,
             sum(checks), sum(up), sum(failed), sum(missed), sum(status_5xx), sum(status_502), sum(status_503), sum(status_504),
             sum(timeouts), sum(latency_sum_ms), sum(downtime_seconds), packed_histogram_sum(latency_histogram), counts_sum(status_counts)
        FROM "rollups_hourly" AS hourly
       WHERE hourly.bucket_start >= (SELECT days_closed_before FROM rollup_progress)
          OR EXISTS (SELECT 1 FROM rollup_dirty_days AS dirty
                      WHERE dirty.site_id = hourly.site_id AND dirty.day = date_trunc('day', hourly.bucket_start, 'UTC'))
       GROUP BY 1, 2, 3, 4
      ON CONFLICT (site_id, bucket_start, target, region) DO UPDATE SET
        checks = EXCLUDED.checks, up = EXCLUDED.up, failed = EXCLUDED.failed, missed = EXCLUDED.missed,
        status_5xx = EXCLUDED.status_5xx, status_502 = EXCLUDED.status_502, status_503 = EXCLUDED.status_503,
        status_504 = EXCLUDED.status_504, timeouts = EXCLUDED.timeouts, latency_sum_ms = EXCLUDED.latency_sum_ms,
        downtime_seconds = EXCLUDED.downtime_seconds, latency_histogram = EXCLUDED.latency_histogram,
        status_counts = EXCLUDED.status_counts`);
    await queryRunner.query(`DROP AGGREGATE "counts_sum"(jsonb)`);
    await queryRunner.query(`DROP FUNCTION "counts_added"(jsonb, jsonb)`);
    await queryRunner.query(`DROP AGGREGATE "packed_histogram_sum"(integer[])`);
    await queryRunner.query(`DROP FUNCTION "packed_histogram_regrouped"(integer[])`);
    await queryRunner.query(`DROP TABLE "rollup_dirty_days"`);
    await queryRunner.query(`DROP TABLE "rollup_progress"`);
  }
}
