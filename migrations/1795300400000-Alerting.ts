import { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerting1795300400000 implements MigrationInterface {
  name = 'Alerting1795300400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "alert_channels" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(100) NOT NULL,
        "kind" character varying(10) NOT NULL,
        "email_to" text array NOT NULL DEFAULT '{}',
        "webhook_url" text,
        "webhook_secret" text,
        "is_default" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_alert_channels" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "channel_id" uuid NOT NULL,
        "event_id" bigint,
        "incident_id" uuid,
        "site_id" uuid,
        "notice" character varying(16) NOT NULL,
        "status" character varying(12) NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "response_status" integer,
        "attempt_log" jsonb NOT NULL DEFAULT '[]',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "deliveries_one_per_event_and_channel" UNIQUE ("event_id", "channel_id"),
        CONSTRAINT "FK_deliveries_channel" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_deliveries_event" FOREIGN KEY ("event_id") REFERENCES "incident_events"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_deliveries_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "deliveries_channel_created" ON "deliveries" ("channel_id", "created_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "deliveries_pending" ON "deliveries" ("updated_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "deliveries_incident" ON "deliveries" ("incident_id", "notice")`);
    await queryRunner.query(`
      CREATE TABLE "maintenance_windows" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(200) NOT NULL,
        "site_ids" uuid array NOT NULL DEFAULT '{}',
        "tags" text array NOT NULL DEFAULT '{}',
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_maintenance_windows" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "maintenance_windows_ends" ON "maintenance_windows" ("ends_at")`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "in_maintenance" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "incident_events" ADD "outcome" character varying(16)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incident_events" DROP COLUMN "outcome"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "in_maintenance"`);
    await queryRunner.query(`DROP TABLE "maintenance_windows"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP TABLE "alert_channels"`);
  }
}
