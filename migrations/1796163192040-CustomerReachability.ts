import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * customers.active_relationships: how many of the customer's relationships are 'active' (reachable when > 0), so an
 * audience no longer hashes every active relationship by external_user_id to decide reachability.
 * Kept by triggers rather than by each writer: relationship status is written by the event handlers, the full sync
 * (including its bulk "gone" update) and seeds, and the count must be exact in the same transaction whoever writes.
 * Relationships are row-locked by their writers and the trigger adds a delta from OLD/NEW, so concurrent changes to
 * two relationships of one customer both count. A customer inserted after its relationships starts from their count.
 */
export class CustomerReachability1796163192040 implements MigrationInterface {
    name = 'CustomerReachability1796163192040'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "customers" ADD "active_relationships" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE FUNCTION relationships_count_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
    UPDATE customers SET active_relationships = active_relationships - 1
     WHERE tenant_id = OLD.tenant_id AND external_user_id = OLD.external_user_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' THEN
    UPDATE customers SET active_relationships = active_relationships + 1
     WHERE tenant_id = NEW.tenant_id AND external_user_id = NEW.external_user_id;
  END IF;
  RETURN NULL;
END $$`);
        // Only status or key changes move the count: remark and field updates do not fire it.
        await queryRunner.query(`CREATE TRIGGER relationships_count_active AFTER INSERT OR DELETE OR UPDATE OF status, tenant_id, external_user_id ON relationships
            FOR EACH ROW EXECUTE FUNCTION relationships_count_active()`);
        await queryRunner.query(`CREATE FUNCTION customers_count_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.active_relationships := (SELECT count(*) FROM relationships r
    WHERE r.tenant_id = NEW.tenant_id AND r.external_user_id = NEW.external_user_id AND r.status = 'active');
  RETURN NEW;
END $$`);
        await queryRunner.query(`CREATE TRIGGER customers_count_active BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION customers_count_active()`);
        await queryRunner.query(`UPDATE customers c SET active_relationships = a.n
            FROM (SELECT tenant_id, external_user_id, count(*)::int AS n FROM relationships WHERE status = 'active' GROUP BY 1, 2) a
            WHERE c.tenant_id = a.tenant_id AND c.external_user_id = a.external_user_id`);
        await queryRunner.query(`CREATE INDEX "ix_customers_tenant_id_reachable" ON "customers" ("tenant_id", "id") WHERE active_relationships > 0`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_customers_tenant_id_reachable"`);
        await queryRunner.query(`DROP TRIGGER customers_count_active ON customers`);
        await queryRunner.query(`DROP FUNCTION customers_count_active()`);
        await queryRunner.query(`DROP TRIGGER relationships_count_active ON relationships`);
        await queryRunner.query(`DROP FUNCTION relationships_count_active()`);
        await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "active_relationships"`);
    }

}
