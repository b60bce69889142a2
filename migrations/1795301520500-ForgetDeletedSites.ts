import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status pages and maintenance windows name sites in an id array, which a foreign key cannot guard. A deleted
 * site left its id behind: the page could no longer be saved unchanged (unknown site) and an export named the
 * site by its id. This is the array's ON DELETE: the id leaves every list when the site goes, however it goes.
 */
export class ForgetDeletedSites1795301520500 implements MigrationInterface {
  name = 'ForgetDeletedSites1795301520500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "forget_deleted_site"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "status_pages" SET "site_ids" = array_remove("site_ids", OLD."id") WHERE OLD."id" = ANY("site_ids");
        UPDATE "maintenance_windows" SET "site_ids" = array_remove("site_ids", OLD."id") WHERE OLD."id" = ANY("site_ids");
        RETURN OLD;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "sites_forget_deleted" AFTER DELETE ON "sites" FOR EACH ROW EXECUTE FUNCTION "forget_deleted_site"()`);
    for (const table of ['status_pages', 'maintenance_windows']) {
      await queryRunner.query(`
        UPDATE "${table}" SET "site_ids" = ARRAY(SELECT id FROM unnest("site_ids") AS id WHERE EXISTS (SELECT 1 FROM "sites" WHERE "sites"."id" = id))
         WHERE EXISTS (SELECT 1 FROM unnest("site_ids") AS id WHERE NOT EXISTS (SELECT 1 FROM "sites" WHERE "sites"."id" = id))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "sites_forget_deleted" ON "sites"`);
    await queryRunner.query(`DROP FUNCTION "forget_deleted_site"()`);
  }
}
