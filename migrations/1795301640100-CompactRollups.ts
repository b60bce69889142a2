import { MigrationInterface, QueryRunner } from 'typeorm';

// Rollups' latency histograms go from a JSON object { bucket: count } to one int array, an entry per
// non-empty bucket, bucket * 2^24 + count, sorted (see libs/db/src/history/packed-histogram.ts).
// A column type change cannot convert with a subquery, so each table gets a new column, filled, then renamed.
const COUNT_SPAN = 16_777_216;
const TABLES = ['rollups_hourly', 'rollups_daily'];

const TO_PACKED = `coalesce((SELECT array_agg(key::int * ${COUNT_SPAN} + value::int ORDER BY key::int)
                      FROM jsonb_each_text("latency_histogram")), '{}'::int[])`;
const TO_JSON = `coalesce((SELECT jsonb_object_agg((entry / ${COUNT_SPAN})::text, entry % ${COUNT_SPAN})
                    FROM unnest("latency_histogram") AS entry), '{}'::jsonb)`;

async function convert(queryRunner: QueryRunner, table: string, type: string, conversion: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "latency_histogram_converted" ${type}`);
  await queryRunner.query(`UPDATE "${table}" SET "latency_histogram_converted" = ${conversion}`);
  await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "latency_histogram"`);
  await queryRunner.query(`ALTER TABLE "${table}" RENAME COLUMN "latency_histogram_converted" TO "latency_histogram"`);
  await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "latency_histogram" SET NOT NULL`);
}

export class CompactRollups1795301640100 implements MigrationInterface {
  name = 'CompactRollups1795301640100';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await convert(queryRunner, table, 'integer array', TO_PACKED);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await convert(queryRunner, table, 'jsonb', TO_JSON);
  }
}
