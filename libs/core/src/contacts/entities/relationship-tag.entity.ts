import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

export type TagSource = 'wecom' | 'channel' | 'sop' | 'admin' | 'sync' | 'bulk';

/** A corp tag on one member ↔ customer relationship (WeCom tags are per relationship). */
@Entity('relationship_tags')
@Index('uq_relationship_tags_tenant_rel_tag', ['tenantId', 'userId', 'externalUserId', 'tagId'], { unique: true })
@Index('ix_relationship_tags_tenant_tag', ['tenantId', 'tagId'])
// The corp tag projection reads one customer's links across all their members.
@Index('ix_relationship_tags_tenant_external', ['tenantId', 'externalUserId'])
export class RelationshipTag extends TenantEntity {
  @Column({ length: 64 })
  userId: string;

  @Column({ length: 64 })
  externalUserId: string;

  @Column({ length: 64 })
  tagId: string;

  /** Who put it there: a member in WeCom, a channel, an SOP, an admin, a bulk tagging job, or a full sync. */
  @Column({ type: 'varchar', length: 16 })
  source: TagSource;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceId: string | null;
}
