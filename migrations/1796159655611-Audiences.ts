import { MigrationInterface, QueryRunner } from "typeorm";

export class Audiences1796159655611 implements MigrationInterface {
    name = 'Audiences1796159655611'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audiences" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(128) NOT NULL, "rule" jsonb NOT NULL, "count" integer, "counted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f0964e39fe782e8dbdb4ff51ea7" PRIMARY KEY ("tenant_id", "id"))`);
        await queryRunner.query(`CREATE INDEX "ix_audiences_tenant_created" ON "audiences" ("tenant_id", "created_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_audiences_tenant_created"`);
        await queryRunner.query(`DROP TABLE "audiences"`);
    }

}
