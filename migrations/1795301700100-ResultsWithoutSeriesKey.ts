import { MigrationInterface, QueryRunner } from 'typeorm';

// Raw results no longer carry a foreign key to their series. Every row is written by a statement that joins its
// series first (a deleted one stores nothing), so the key only cost a lookup per inserted row, a sixth of the
// insert at 3,300 probes/s, and made deleting a site delete each of its results, up to 30 days' worth. A deleted
// site's series goes with it; its results, unreachable through the check_results view (which joins the series),
// stay until their day partition is dropped.
export class ResultsWithoutSeriesKey1795301700100 implements MigrationInterface {
  name = 'ResultsWithoutSeriesKey1795301700100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "probe_results" DROP CONSTRAINT "FK_probe_results_series"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "probe_results" AS result WHERE NOT EXISTS (SELECT 1 FROM "probe_series" AS series WHERE series."id" = result."series_id")`);
    await queryRunner.query(`
      ALTER TABLE "probe_results" ADD CONSTRAINT "FK_probe_results_series"
        FOREIGN KEY ("series_id") REFERENCES "probe_series"("id") ON DELETE CASCADE`);
  }
}
