import { MigrationInterface, QueryRunner } from "typeorm";

export class ContactsAndSync1796149694618 implements MigrationInterface {
    name = 'ContactsAndSync1796149694618'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sync_runs" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "trigger" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'running', "phase" character varying(16) NOT NULL DEFAULT 'staff', "checkpoint" jsonb NOT NULL DEFAULT '{}', "counts" jsonb NOT NULL DEFAULT '{"tags": 0, "staff": 0, "customers": 0, "groupChats": 0, "relationships": 0}', "percent" smallint NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "lease_owner" character varying(64), "lease_until" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f2b9201dfeaa23d9a01d84bdb0f" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sync_runs_tenant_created" ON "sync_runs" ("tenant_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sync_runs_tenant_running" ON "sync_runs" ("tenant_id") WHERE "status" = 'running'`);
        await queryRunner.query(`CREATE TABLE "timeline_entries" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(48) NOT NULL, "external_user_id" character varying(64), "user_id" character varying(64), "chat_id" character varying(64), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "dedupe_key" character varying(300) NOT NULL, "inbox_id" character varying(64), CONSTRAINT "PK_b3d2a51b2376d0a9e0d01eccebb" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_timeline_entries_tenant_chat_time" ON "timeline_entries" ("tenant_id", "chat_id", "occurred_at") `);
        await queryRunner.query(`CREATE INDEX "ix_timeline_entries_tenant_customer_time" ON "timeline_entries" ("tenant_id", "external_user_id", "occurred_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_timeline_entries_tenant_dedupe" ON "timeline_entries" ("tenant_id", "dedupe_key") `);
        await queryRunner.query(`CREATE TABLE "staff_members" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" character varying(64) NOT NULL, "name" character varying(128) NOT NULL DEFAULT '', "status" smallint, "follow_user" boolean NOT NULL DEFAULT false, "synced_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e514be748774657c1dfab09eabb" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_members_tenant_user" ON "staff_members" ("tenant_id", "user_id") `);
        await queryRunner.query(`CREATE TABLE "relationships" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" character varying(64) NOT NULL, "external_user_id" character varying(64) NOT NULL, "remark" character varying(128) NOT NULL DEFAULT '', "description" text NOT NULL DEFAULT '', "remark_mobiles" jsonb NOT NULL DEFAULT '[]', "add_way" integer, "state" character varying(64), "oper_user_id" character varying(64), "added_at" TIMESTAMP WITH TIME ZONE, "status" character varying(24) NOT NULL, "status_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4bf420fd2db358867e44a768aa9" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_relationships_tenant_external" ON "relationships" ("tenant_id", "external_user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_relationships_tenant_user_external" ON "relationships" ("tenant_id", "user_id", "external_user_id") `);
        await queryRunner.query(`CREATE TABLE "relationship_tags" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" character varying(64) NOT NULL, "external_user_id" character varying(64) NOT NULL, "tag_id" character varying(64) NOT NULL, "source" character varying(16) NOT NULL, "source_id" character varying(64), CONSTRAINT "PK_6b786ea1124e469c20af16b4999" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_relationship_tags_tenant_tag" ON "relationship_tags" ("tenant_id", "tag_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_relationship_tags_tenant_rel_tag" ON "relationship_tags" ("tenant_id", "user_id", "external_user_id", "tag_id") `);
        await queryRunner.query(`CREATE TABLE "group_chats" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "chat_id" character varying(64) NOT NULL, "name" character varying(128) NOT NULL DEFAULT '', "owner" character varying(64) NOT NULL DEFAULT '', "notice" text NOT NULL DEFAULT '', "wecom_created_at" TIMESTAMP WITH TIME ZONE, "member_version" character varying(64), "member_count" integer NOT NULL DEFAULT '0', "status" character varying(16) NOT NULL DEFAULT 'active', CONSTRAINT "PK_5efb79e7c60bd0a0b3932b297fb" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_group_chats_tenant_chat" ON "group_chats" ("tenant_id", "chat_id") `);
        await queryRunner.query(`CREATE TABLE "group_chat_members" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "chat_id" character varying(64) NOT NULL, "member_id" character varying(64) NOT NULL, "type" smallint NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE, "join_scene" smallint, "invitor" character varying(64), "name" character varying(128), CONSTRAINT "PK_3c198c00dafa877226d4328c745" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_group_chat_members_tenant_member" ON "group_chat_members" ("tenant_id", "member_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_group_chat_members_tenant_chat_member" ON "group_chat_members" ("tenant_id", "chat_id", "member_id") `);
        await queryRunner.query(`CREATE TABLE "customers" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "external_user_id" character varying(64) NOT NULL, "name" character varying(128) NOT NULL DEFAULT '', "avatar" text NOT NULL DEFAULT '', "type" smallint, "gender" smallint, "unionid" character varying(64), "position" character varying(128), "corp_name" character varying(128), "corp_full_name" character varying(256), "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9a71d04bf2e8484de2a9a71aa0b" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_customers_tenant_external_user" ON "customers" ("tenant_id", "external_user_id") `);
        await queryRunner.query(`CREATE TABLE "corp_tags" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tag_id" character varying(64) NOT NULL, "group_id" character varying(64) NOT NULL, "name" character varying(64) NOT NULL, "order" integer NOT NULL DEFAULT '0', "wecom_created_at" TIMESTAMP WITH TIME ZONE, "deleted" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_57c85abd28400efff5b53a35971" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_corp_tags_tenant_group" ON "corp_tags" ("tenant_id", "group_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_corp_tags_tenant_tag" ON "corp_tags" ("tenant_id", "tag_id") `);
        await queryRunner.query(`CREATE TABLE "corp_tag_groups" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "group_id" character varying(64) NOT NULL, "name" character varying(64) NOT NULL, "order" integer NOT NULL DEFAULT '0', "wecom_created_at" TIMESTAMP WITH TIME ZONE, "deleted" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_87012466376f3f47c8424da05d9" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_corp_tag_groups_tenant_group" ON "corp_tag_groups" ("tenant_id", "group_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_corp_tag_groups_tenant_group"`);
        await queryRunner.query(`DROP TABLE "corp_tag_groups"`);
        await queryRunner.query(`DROP INDEX "public"."uq_corp_tags_tenant_tag"`);
        await queryRunner.query(`DROP INDEX "public"."ix_corp_tags_tenant_group"`);
        await queryRunner.query(`DROP TABLE "corp_tags"`);
        await queryRunner.query(`DROP INDEX "public"."uq_customers_tenant_external_user"`);
        await queryRunner.query(`DROP TABLE "customers"`);
        await queryRunner.query(`DROP INDEX "public"."uq_group_chat_members_tenant_chat_member"`);
        await queryRunner.query(`DROP INDEX "public"."ix_group_chat_members_tenant_member"`);
        await queryRunner.query(`DROP TABLE "group_chat_members"`);
        await queryRunner.query(`DROP INDEX "public"."uq_group_chats_tenant_chat"`);
        await queryRunner.query(`DROP TABLE "group_chats"`);
        await queryRunner.query(`DROP INDEX "public"."uq_relationship_tags_tenant_rel_tag"`);
        await queryRunner.query(`DROP INDEX "public"."ix_relationship_tags_tenant_tag"`);
        await queryRunner.query(`DROP TABLE "relationship_tags"`);
        await queryRunner.query(`DROP INDEX "public"."uq_relationships_tenant_user_external"`);
        await queryRunner.query(`DROP INDEX "public"."ix_relationships_tenant_external"`);
        await queryRunner.query(`DROP TABLE "relationships"`);
        await queryRunner.query(`DROP INDEX "public"."uq_staff_members_tenant_user"`);
        await queryRunner.query(`DROP TABLE "staff_members"`);
        await queryRunner.query(`DROP INDEX "public"."uq_timeline_entries_tenant_dedupe"`);
        await queryRunner.query(`DROP INDEX "public"."ix_timeline_entries_tenant_customer_time"`);
        await queryRunner.query(`DROP INDEX "public"."ix_timeline_entries_tenant_chat_time"`);
        await queryRunner.query(`DROP TABLE "timeline_entries"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sync_runs_tenant_running"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sync_runs_tenant_created"`);
        await queryRunner.query(`DROP TABLE "sync_runs"`);
    }

}
