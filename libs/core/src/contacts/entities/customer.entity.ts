import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** A WeCom external contact. A row can exist with empty details when a delete arrived before its add. */
@Entity('customers')
@Index('uq_customers_tenant_external_user', ['tenantId', 'externalUserId'], { unique: true })
@Index('ix_customers_tenant_last_seen', ['tenantId', 'lastSeenAt'])
// Every audience keeps only reachable customers: their ids in id order, index-only, without touching relationships.
@Index('ix_customers_tenant_id_reachable', ['tenantId', 'id'], { where: 'active_relationships > 0' })
export class Customer extends TenantEntity {
  @Column({ length: 64 })
  externalUserId: string;

  @Column({ length: 128, default: '' })
  name: string;

  @Column({ type: 'text', default: '' })
  avatar: string;

  /** 1 WeChat user, 2 WeCom user; null until details were fetched. */
  @Column({ type: 'smallint', nullable: true })
  type: number | null;

  @Column({ type: 'smallint', nullable: true })
  gender: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  corpName: string | null;

  @Column({ type: 'varchar', length: 256, nullable: true })
  corpFullName: string | null;

  @Column({ type: 'timestamptz' })
  firstSeenAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** Custom attribute values by AttributeDefinition key (typed by the definition). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  /**
   * Relationships with status 'active' (reachable when > 0). Kept by triggers on relationships and customers (see
   * migration CustomerReachability), so every writer — event handlers, full sync, bulk SQL — keeps it exact in the
   * same transaction; never written by the application.
   */
  @Column({ type: 'int', default: 0, update: false, insert: false })
  activeRelationships: number;
}
