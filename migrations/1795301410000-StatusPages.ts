import { MigrationInterface, QueryRunner } from 'typeorm';

/** Public status pages: a slug, a title and the sites they show, by id or by tag. */
export class StatusPages1795301410000 implements MigrationInterface {
  name = 'StatusPages1795301410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "status_pages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" character varying(60) NOT NULL,
        "title" character varying(200) NOT NULL,
        "description" text,
        "site_ids" uuid array NOT NULL DEFAULT '{}',
        "tags" text array NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_status_pages" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_status_pages_slug" UNIQUE ("slug")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "status_pages"`);
  }
}
