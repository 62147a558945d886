import { MigrationInterface, QueryRunner } from "typeorm";

export class TagCatalogueJobs1796161072235 implements MigrationInterface {
    name = 'TagCatalogueJobs1796161072235'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "tag_jobs" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "add_tag_ids" uuid array NOT NULL DEFAULT '{}', "remove_tag_ids" uuid array NOT NULL DEFAULT '{}', "customer_ids" uuid array, "audience" jsonb, "audience_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'queued', "total" integer NOT NULL DEFAULT '0', "done" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "last_customer_id" uuid, "created_by" character varying(64), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fa74f02d575b0e2cf3e4e5e122a" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_tag_jobs_tenant_status" ON "tag_jobs" ("tenant_id", "status") `);
        await queryRunner.query(`CREATE TABLE "tag_daily_additions" ("tenant_id" uuid NOT NULL, "tag_id" uuid NOT NULL, "day" date NOT NULL, "count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_1ec3d076ee9a5bc9471055dca25" PRIMARY KEY ("tenant_id", "tag_id", "day"))`);
        await queryRunner.query(`CREATE INDEX "ix_relationship_tags_tenant_external" ON "relationship_tags" ("tenant_id", "external_user_id") `);
        // Backfill (hand-written): corp tags already mirrored enter the catalogue now rather than at the next tag
        // event or sync; customers' corp tags follow with the next full sync's projection rebuild.
        await queryRunner.query(`INSERT INTO "tag_groups" ("tenant_id", "name", "kind", "corp_group_id", "order", "deleted")
            SELECT "tenant_id", "name", 'corp', "group_id", "order", "deleted" FROM "corp_tag_groups"
            ON CONFLICT ("tenant_id", "corp_group_id") WHERE "corp_group_id" IS NOT NULL DO NOTHING`);
        await queryRunner.query(`INSERT INTO "tags" ("tenant_id", "group_id", "name", "kind", "corp_tag_id", "source", "order", "deleted")
            SELECT ct."tenant_id", tg."id", ct."name", 'corp', ct."tag_id", 'wecom', ct."order", ct."deleted"
              FROM "corp_tags" ct JOIN "tag_groups" tg ON tg."tenant_id" = ct."tenant_id" AND tg."corp_group_id" = ct."group_id"
            ON CONFLICT ("tenant_id", "corp_tag_id") WHERE "corp_tag_id" IS NOT NULL DO NOTHING`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The backfilled catalogue rows stay: tag_groups and tags belong to an earlier migration.
        await queryRunner.query(`DROP INDEX "public"."ix_relationship_tags_tenant_external"`);
        await queryRunner.query(`DROP TABLE "tag_daily_additions"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tag_jobs_tenant_status"`);
        await queryRunner.query(`DROP TABLE "tag_jobs"`);
    }

}
