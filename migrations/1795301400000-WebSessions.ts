import { MigrationInterface, QueryRunner } from 'typeorm';

/** Web sign-in sessions: an API key exchanged for a cookie; deleting the key ends its sessions. */
export class WebSessions1795301400000 implements MigrationInterface {
  name = 'WebSessions1795301400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "web_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" character(64) NOT NULL,
        "api_key_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_web_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_web_sessions_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "FK_web_sessions_api_key" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "web_sessions_api_key" ON "web_sessions" ("api_key_id")`);
    await queryRunner.query(`CREATE INDEX "web_sessions_expires" ON "web_sessions" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "web_sessions"`);
  }
}
