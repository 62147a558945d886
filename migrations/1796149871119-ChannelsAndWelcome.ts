import { MigrationInterface, QueryRunner } from "typeorm";

export class ChannelsAndWelcome1796149871119 implements MigrationInterface {
    name = 'ChannelsAndWelcome1796149871119'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "welcome_rules" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(64) NOT NULL, "channel_id" uuid, "user_id" character varying(64), "windows" jsonb NOT NULL DEFAULT '[]', "text" text, "attachments" jsonb NOT NULL DEFAULT '[]', "variants" jsonb NOT NULL DEFAULT '[]', "enabled" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_74f1e07f9c6e61fd682305d1dc0" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_welcome_rules_tenant_channel" ON "welcome_rules" ("tenant_id", "channel_id") `);
        await queryRunner.query(`CREATE TABLE "welcome_outcomes" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "add_key" character varying(200) NOT NULL, "user_id" character varying(64) NOT NULL, "external_user_id" character varying(64) NOT NULL, "event_kind" character varying(32) NOT NULL, "channel_id" uuid, "rule_id" uuid, "variant" character varying(64), "status" character varying(24) NOT NULL, "errcode" integer, "detail" text, "sent_text" text, CONSTRAINT "PK_4de9485cfac7766485a386ada41" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_welcome_outcomes_tenant_customer" ON "welcome_outcomes" ("tenant_id", "external_user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_welcome_outcomes_add" ON "welcome_outcomes" ("tenant_id", "add_key") `);
        await queryRunner.query(`CREATE TABLE "welcome_media" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(8) NOT NULL, "filename" character varying(128) NOT NULL, "content_type" character varying(128) NOT NULL, "data" bytea NOT NULL, "media_id" character varying(256), "uploaded_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_5e5f48da90c9ad56fe17ee37ae7" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE TABLE "customer_channels" ("tenant_id" uuid NOT NULL, "external_user_id" character varying(64) NOT NULL, "first_channel_id" uuid NOT NULL, "first_at" TIMESTAMP WITH TIME ZONE NOT NULL, "latest_channel_id" uuid NOT NULL, "latest_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b2a998ea7414432f31d7f8de47a" PRIMARY KEY ("tenant_id", "external_user_id"))`);
        await queryRunner.query(`CREATE TABLE "channels" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(64) NOT NULL, "category" character varying(64), "state" character varying(30) NOT NULL, "config_id" character varying(64), "qr_code" text, "strategy" character varying(16) NOT NULL, "members" jsonb NOT NULL, "daily_limit" integer, "backup_user_ids" jsonb NOT NULL DEFAULT '[]', "schedule" jsonb, "skip_verify" boolean NOT NULL DEFAULT true, "tag_ids" jsonb NOT NULL DEFAULT '[]', "remark" character varying(30), "enabled" boolean NOT NULL DEFAULT true, "listed_user_ids" jsonb NOT NULL DEFAULT '[]', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c63783aac8d32f4262bbcf85360" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_channels_tenant_state" ON "channels" ("tenant_id", "state") `);
        await queryRunner.query(`CREATE TABLE "channel_adds" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "channel_id" uuid NOT NULL, "user_id" character varying(64) NOT NULL, "external_user_id" character varying(64) NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, "day" date NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, "removed_day" date, "removed_by" character varying(16), CONSTRAINT "PK_3d68a238b470453e0368224121f" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_channel_adds_channel_removed_day" ON "channel_adds" ("tenant_id", "channel_id", "removed_day") `);
        await queryRunner.query(`CREATE INDEX "ix_channel_adds_channel_day" ON "channel_adds" ("tenant_id", "channel_id", "day") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_channel_adds_add" ON "channel_adds" ("tenant_id", "user_id", "external_user_id", "added_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_channel_adds_add"`);
        await queryRunner.query(`DROP INDEX "public"."ix_channel_adds_channel_day"`);
        await queryRunner.query(`DROP INDEX "public"."ix_channel_adds_channel_removed_day"`);
        await queryRunner.query(`DROP TABLE "channel_adds"`);
        await queryRunner.query(`DROP INDEX "public"."uq_channels_tenant_state"`);
        await queryRunner.query(`DROP TABLE "channels"`);
        await queryRunner.query(`DROP TABLE "customer_channels"`);
        await queryRunner.query(`DROP TABLE "welcome_media"`);
        await queryRunner.query(`DROP INDEX "public"."uq_welcome_outcomes_add"`);
        await queryRunner.query(`DROP INDEX "public"."ix_welcome_outcomes_tenant_customer"`);
        await queryRunner.query(`DROP TABLE "welcome_outcomes"`);
        await queryRunner.query(`DROP INDEX "public"."ix_welcome_rules_tenant_channel"`);
        await queryRunner.query(`DROP TABLE "welcome_rules"`);
    }

}
