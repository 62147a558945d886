import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { RelationshipStatus } from '../rules/relationship-status';

/** member ↔ customer ("follow user" in WeCom's words). */
@Entity('relationships')
@Index('uq_relationships_tenant_user_external', ['tenantId', 'userId', 'externalUserId'], { unique: true })
@Index('ix_relationships_tenant_external', ['tenantId', 'externalUserId'])
// Every audience keeps only reachable customers (an active relationship): an index-only scan of the active ones.
@Index('ix_relationships_tenant_external_active', ['tenantId', 'externalUserId'], { where: "status = 'active'" })
export class Relationship extends TenantEntity {
  @Column({ length: 64 })
  userId: string;

  @Column({ length: 64 })
  externalUserId: string;

  @Column({ length: 128, default: '' })
  remark: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  remarkMobiles: string[];

  @Column({ type: 'int', nullable: true })
  addWay: number | null;

  /** The contact-way `state` that brought the customer. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  state: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  operUserId: string | null;

  /** WeCom's createtime of the relationship. */
  @Column({ type: 'timestamptz', nullable: true })
  addedAt: Date | null;

  @Column({ type: 'varchar', length: 24 })
  status: RelationshipStatus;

  /** WeCom time (event CreateTime) of the change that set `status`: older events never overwrite it. */
  @Column({ type: 'timestamptz' })
  statusAt: Date;
}
