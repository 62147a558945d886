import { MigrationInterface, QueryRunner } from "typeorm";

export class AudienceIndexes1796160553988 implements MigrationInterface {
    name = 'AudienceIndexes1796160553988'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_customer_events_tenant_type_time_customer" ON "customer_events" ("tenant_id", "type", "occurred_at", "customer_id") `);
        await queryRunner.query(`CREATE INDEX "ix_relationships_tenant_external_active" ON "relationships" ("tenant_id", "external_user_id") WHERE status = 'active'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_relationships_tenant_external_active"`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_events_tenant_type_time_customer"`);
    }

}
