import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795300000000 implements MigrationInterface {
  name = 'Foundation1795300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sites" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(200) NOT NULL,
        "url" text NOT NULL,
        "method" character varying(8) NOT NULL,
        "interval_seconds" integer NOT NULL,
        "timeout_ms" integer NOT NULL,
        "expect_status" character varying(100) NOT NULL,
        "body_contains" text,
        "regions" text array NOT NULL,
        "dns_resolvers" text array NOT NULL,
        "tags" text array NOT NULL,
        "alert_channel_ids" uuid array NOT NULL,
        "confirmations" integer NOT NULL,
        "recoveries" integer NOT NULL,
        "paused" boolean NOT NULL,
        "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sites" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "sites_tags_gin" ON "sites" USING gin ("tags")`);
    await queryRunner.query(`CREATE INDEX "sites_created_at_id" ON "sites" ("created_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "hops" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "site_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "name" character varying(64) NOT NULL,
        "role" character varying(20) NOT NULL,
        "url" text NOT NULL,
        "connect_to" character varying(64),
        "host_header" character varying(255),
        "expect_status" character varying(100),
        CONSTRAINT "hops_site_name_unique" UNIQUE ("site_id", "name"),
        CONSTRAINT "PK_hops" PRIMARY KEY ("id"),
        CONSTRAINT "FK_hops_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(100) NOT NULL,
        "scope" character varying(8) NOT NULL,
        "key_hash" character(64) NOT NULL,
        "key_prefix" character varying(16) NOT NULL,
        "origin" character varying(10) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "api_keys_key_hash_unique" UNIQUE ("key_hash"),
        CONSTRAINT "PK_api_keys" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "hops"`);
    await queryRunner.query(`DROP TABLE "sites"`);
  }
}
