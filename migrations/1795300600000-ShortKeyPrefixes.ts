import { MigrationInterface, QueryRunner } from 'typeorm';

/** Keep only "hw_" and four characters of generated keys, and nothing of an operator-chosen admin key. */
export class ShortKeyPrefixes1795300600000 implements MigrationInterface {
  name = 'ShortKeyPrefixes1795300600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "api_keys" SET "key_prefix" = CASE WHEN "origin" = 'env' THEN '' ELSE left("key_prefix", 7) END`);
  }

  async down(): Promise<void> {
    // The characters dropped are gone for good, which is the point; the shorter prefixes stay valid.
  }
}
