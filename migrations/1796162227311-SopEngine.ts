import { MigrationInterface, QueryRunner } from "typeorm";

export class SopEngine1796162227311 implements MigrationInterface {
    name = 'SopEngine1796162227311'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "tasks" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sop_id" uuid NOT NULL, "sop_version" integer NOT NULL, "step_index" integer NOT NULL, "delivery" character varying(16) NOT NULL, "target_kind" character varying(16) NOT NULL, "user_id" character varying(64) NOT NULL, "window_at" TIMESTAMP WITH TIME ZONE NOT NULL, "chunk" integer NOT NULL DEFAULT '0', "target_count" integer NOT NULL DEFAULT '0', "status" character varying(16) NOT NULL DEFAULT 'open', "calling_at" TIMESTAMP WITH TIME ZONE, "msgid" character varying(128), "sent_at" TIMESTAMP WITH TIME ZONE, "due_by" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "note" text, "attempts" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_dfb75fc41a01bbbfe7a8ea10a5f" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_tasks_tenant_sop_step" ON "tasks" ("tenant_id", "sop_id", "step_index") `);
        await queryRunner.query(`CREATE INDEX "ix_tasks_tenant_user_window" ON "tasks" ("tenant_id", "user_id", "window_at") `);
        await queryRunner.query(`CREATE INDEX "ix_tasks_tenant_status_updated" ON "tasks" ("tenant_id", "status", "updated_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tasks_tenant_group_chunk" ON "tasks" ("tenant_id", "sop_id", "sop_version", "step_index", "user_id", "window_at", "chunk") `);
        await queryRunner.query(`CREATE TABLE "task_targets" ("tenant_id" uuid NOT NULL, "task_id" uuid NOT NULL, "wecom_id" character varying(64) NOT NULL, "enrolment_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d2b0a13253970dac90509ecb1bd" PRIMARY KEY ("tenant_id", "task_id", "wecom_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_task_targets_tenant_enrolment" ON "task_targets" ("tenant_id", "enrolment_id") `);
        await queryRunner.query(`CREATE TABLE "sops" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(64) NOT NULL, "status" character varying(16) NOT NULL, "target" character varying(16) NOT NULL, "trigger_type" character varying(16) NOT NULL, "current_version" integer NOT NULL, "next_fire_at" TIMESTAMP WITH TIME ZONE, "last_fired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cb2777c545ce625544d097694e8" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sops_tenant_next_fire" ON "sops" ("tenant_id", "next_fire_at") WHERE status = 'active' AND next_fire_at IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_sops_tenant_status_trigger" ON "sops" ("tenant_id", "status", "trigger_type") `);
        await queryRunner.query(`CREATE TABLE "sop_versions" ("tenant_id" uuid NOT NULL, "sop_id" uuid NOT NULL, "version" integer NOT NULL, "definition" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64a62947e330f9e0e676e9a0ccb" PRIMARY KEY ("tenant_id", "sop_id", "version"))`);
        await queryRunner.query(`CREATE TABLE "sop_enrolments" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sop_id" uuid NOT NULL, "version" integer NOT NULL, "target_kind" character varying(16) NOT NULL, "target_id" character varying(64) NOT NULL, "wecom_id" character varying(64) NOT NULL, "user_id" character varying(64), "run_key" character varying(32) NOT NULL DEFAULT '', "anchor_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_step" integer NOT NULL DEFAULT '0', "next_due_at" TIMESTAMP WITH TIME ZONE, "status" character varying(16) NOT NULL DEFAULT 'active', "exit_reason" character varying(32), CONSTRAINT "PK_d17b90efa6bda96937d504937ef" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sop_enrolments_tenant_target" ON "sop_enrolments" ("tenant_id", "target_id") `);
        await queryRunner.query(`CREATE INDEX "ix_sop_enrolments_tenant_due" ON "sop_enrolments" ("tenant_id", "next_due_at") WHERE status = 'active'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sop_enrolments_tenant_sop_target_run" ON "sop_enrolments" ("tenant_id", "sop_id", "target_id", "run_key") `);
        await queryRunner.query(`CREATE TABLE "sop_deliveries" ("tenant_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "step_index" integer NOT NULL, "task_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_709916a83a7c7b21103463437d0" PRIMARY KEY ("tenant_id", "enrolment_id", "step_index"))`);
        await queryRunner.query(`CREATE TABLE "group_chat_tags" ("tenant_id" uuid NOT NULL, "chat_id" character varying(64) NOT NULL, "tag_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e66a4f0834833f995352e33f5a8" PRIMARY KEY ("tenant_id", "chat_id", "tag_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_group_chat_tags_tenant_tag" ON "group_chat_tags" ("tenant_id", "tag_id", "chat_id") `);
        await queryRunner.query(`ALTER TABLE "tenants" ADD "quiet_start" character varying(5)`);
        await queryRunner.query(`ALTER TABLE "tenants" ADD "quiet_end" character varying(5)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "quiet_end"`);
        await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "quiet_start"`);
        await queryRunner.query(`DROP INDEX "public"."ix_group_chat_tags_tenant_tag"`);
        await queryRunner.query(`DROP TABLE "group_chat_tags"`);
        await queryRunner.query(`DROP TABLE "sop_deliveries"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sop_enrolments_tenant_sop_target_run"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sop_enrolments_tenant_due"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sop_enrolments_tenant_target"`);
        await queryRunner.query(`DROP TABLE "sop_enrolments"`);
        await queryRunner.query(`DROP TABLE "sop_versions"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sops_tenant_status_trigger"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sops_tenant_next_fire"`);
        await queryRunner.query(`DROP TABLE "sops"`);
        await queryRunner.query(`DROP INDEX "public"."ix_task_targets_tenant_enrolment"`);
        await queryRunner.query(`DROP TABLE "task_targets"`);
        await queryRunner.query(`DROP INDEX "public"."uq_tasks_tenant_group_chunk"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tasks_tenant_status_updated"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tasks_tenant_user_window"`);
        await queryRunner.query(`DROP INDEX "public"."ix_tasks_tenant_sop_step"`);
        await queryRunner.query(`DROP TABLE "tasks"`);
    }

}
