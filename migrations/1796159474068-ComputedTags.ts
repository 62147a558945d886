import { MigrationInterface, QueryRunner } from "typeorm";

export class ComputedTags1796159474068 implements MigrationInterface {
    name = 'ComputedTags1796159474068'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "tag_rules" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "definition" jsonb NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "group_id" uuid NOT NULL, "last_evaluated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a50d446bfe4e38058f48d69c6d0" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_tag_rules_tenant_enabled" ON "tag_rules" ("tenant_id", "enabled") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tag_rules_tenant_name" ON "tag_rules" ("tenant_id", "name") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_tag_rules_tenant_name"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tag_rules_tenant_enabled"`);
        await queryRunner.query(`DROP TABLE "tag_rules"`);
    }

}
