import { MigrationInterface, QueryRunner } from "typeorm";

export class Inbox1796149806909 implements MigrationInterface {
    name = 'Inbox1796149806909'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "inbox_events" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dedupe_key" text NOT NULL, "type" character varying(64) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'received', "xml" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "lease_until" TIMESTAMP WITH TIME ZONE, "result" character varying(16), "error" text, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d7795c334b70628d8e33db336ef" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_inbox_events_unfinished" ON "inbox_events" ("tenant_id", "created_at") WHERE "status" IN ('received', 'processing')`);
        await queryRunner.query(`CREATE INDEX "ix_inbox_events_type" ON "inbox_events" ("tenant_id", "type", "created_at") `);
        await queryRunner.query(`CREATE INDEX "ix_inbox_events_created" ON "inbox_events" ("tenant_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_inbox_events_dedupe" ON "inbox_events" ("tenant_id", "dedupe_key") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_inbox_events_dedupe"`);
        await queryRunner.query(`DROP INDEX "public"."ix_inbox_events_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_inbox_events_type"`);
        await queryRunner.query(`DROP INDEX "public"."ix_inbox_events_unfinished"`);
        await queryRunner.query(`DROP TABLE "inbox_events"`);
    }

}
