import { MigrationInterface, QueryRunner } from "typeorm";

export class ProfileStore1796159003201 implements MigrationInterface {
    name = 'ProfileStore1796159003201'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "tags" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "group_id" uuid NOT NULL, "name" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "corp_tag_id" character varying(64), "description" text NOT NULL DEFAULT '', "source" character varying(16) NOT NULL DEFAULT 'api', "order" integer NOT NULL DEFAULT '0', "deleted" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_546a54fc4dee0635313f412cf87" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_tags_tenant_group" ON "tags" ("tenant_id", "group_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tags_tenant_corp_tag" ON "tags" ("tenant_id", "corp_tag_id") WHERE corp_tag_id IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "tag_groups" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "corp_group_id" character varying(64), "category_id" uuid, "description" text NOT NULL DEFAULT '', "order" integer NOT NULL DEFAULT '0', "allowed_roles" text array, "deleted" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_085185412281c6abbd93a53c227" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_tag_groups_tenant_category" ON "tag_groups" ("tenant_id", "category_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tag_groups_tenant_corp_group" ON "tag_groups" ("tenant_id", "corp_group_id") WHERE corp_group_id IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "tag_categories" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(64) NOT NULL, "parent_id" uuid, "depth" smallint NOT NULL, CONSTRAINT "PK_b651f58fde355fd79ce678b84d8" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tag_categories_tenant_parent_name" ON "tag_categories" ("tenant_id", "parent_id", "name") `);
        await queryRunner.query(`CREATE TABLE "customer_tags" ("tenant_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "tag_id" uuid NOT NULL, "weight" real NOT NULL DEFAULT '1', "source" character varying(16) NOT NULL, "source_id" character varying(64), "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fa200200ae2051919323b12454" PRIMARY KEY ("tenant_id", "customer_id", "tag_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_customer_tags_tenant_tag_customer" ON "customer_tags" ("tenant_id", "tag_id", "customer_id") `);
        await queryRunner.query(`CREATE TABLE "customer_events" ("tenant_id" uuid NOT NULL, "id" BIGSERIAL NOT NULL, "customer_id" uuid NOT NULL, "type" character varying(48) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "properties" jsonb NOT NULL DEFAULT '{}', "idempotency_key" character varying(128) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58ec528be33952363295f6fb7fc" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_customer_events_tenant_customer_time" ON "customer_events" ("tenant_id", "customer_id", "occurred_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_customer_events_tenant_idempotency" ON "customer_events" ("tenant_id", "idempotency_key") `);
        await queryRunner.query(`CREATE TABLE "attribute_definitions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "key" character varying(64) NOT NULL, "label" character varying(128) NOT NULL, "type" character varying(16) NOT NULL, "allowed_values" text array, CONSTRAINT "PK_d3934fba15f91f60dd76caf11cc" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_attribute_definitions_tenant_key" ON "attribute_definitions" ("tenant_id", "key") `);
        await queryRunner.query(`ALTER TABLE "customers" ADD "attributes" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`CREATE INDEX "ix_customers_tenant_last_seen" ON "customers" ("tenant_id", "last_seen_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_customers_tenant_last_seen"`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "attributes"`);
        await queryRunner.query(`DROP INDEX "public"."uq_attribute_definitions_tenant_key"`);
        await queryRunner.query(`DROP TABLE "attribute_definitions"`);
        await queryRunner.query(`DROP INDEX "public"."uq_customer_events_tenant_idempotency"`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_events_tenant_customer_time"`);
        await queryRunner.query(`DROP TABLE "customer_events"`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_tags_tenant_tag_customer"`);
        await queryRunner.query(`DROP TABLE "customer_tags"`);
        await queryRunner.query(`DROP INDEX "public"."uq_tag_categories_tenant_parent_name"`);
        await queryRunner.query(`DROP TABLE "tag_categories"`);
        await queryRunner.query(`DROP INDEX "public"."uq_tag_groups_tenant_corp_group"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tag_groups_tenant_category"`);
        await queryRunner.query(`DROP TABLE "tag_groups"`);
        await queryRunner.query(`DROP INDEX "public"."uq_tags_tenant_corp_tag"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tags_tenant_group"`);
        await queryRunner.query(`DROP TABLE "tags"`);
    }

}
