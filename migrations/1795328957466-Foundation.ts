import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795328957466 implements MigrationInterface {
    name = 'Foundation1795328957466'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "users" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "display_name" character varying(128) NOT NULL DEFAULT '', "password_hash" text NOT NULL, "role" character varying(16) NOT NULL, "staff_user_id" character varying(64), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_96bb2f14a3cd3f8e046898b08b4" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_tenant_email" ON "users" ("tenant_id", "email") `);
        await queryRunner.query(`CREATE TABLE "access_tokens" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(16) NOT NULL, "name" character varying(128) NOT NULL DEFAULT '', "user_id" uuid, "role" character varying(16) NOT NULL, "staff_user_id" character varying(64), "token_hash" character varying(64) NOT NULL, "display_prefix" character varying(24) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f691a46681e810f44e81e134c3c" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_access_tokens_tenant_hash" ON "access_tokens" ("tenant_id", "token_hash") `);
        await queryRunner.query(`CREATE TABLE "tenants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(64) NOT NULL, "name" character varying(128) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'active', "corp_id" character varying(64) NOT NULL, "agent_id" integer NOT NULL, "corp_secret_enc" text NOT NULL, "callback_token_enc" text NOT NULL, "encoding_aes_key_enc" text NOT NULL, "api_base_url" character varying(256) NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT 'Asia/Shanghai', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tenants_slug" ON "tenants" ("slug") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_tenants_corp_id" ON "tenants" ("corp_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_tenants_corp_id"`);
        await queryRunner.query(`DROP INDEX "public"."uq_tenants_slug"`);
        await queryRunner.query(`DROP TABLE "tenants"`);
        await queryRunner.query(`DROP INDEX "public"."uq_access_tokens_tenant_hash"`);
        await queryRunner.query(`DROP TABLE "access_tokens"`);
        await queryRunner.query(`DROP INDEX "public"."uq_users_tenant_email"`);
        await queryRunner.query(`DROP TABLE "users"`);
    }

}
