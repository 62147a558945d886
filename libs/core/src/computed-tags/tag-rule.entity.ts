import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { RuleDefinition, RuleKind } from './rule-definition';

/** A computed-tag rule a marketer defined. It owns one tag group (kind computed, or interest) and the tags in it. */
@Entity('tag_rules')
@Index('uq_tag_rules_tenant_name', ['tenantId', 'name'], { unique: true })
@Index('ix_tag_rules_tenant_enabled', ['tenantId', 'enabled'])
export class TagRule extends TenantEntity {
  @Column({ length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: RuleKind;

  @Column({ type: 'jsonb' })
  definition: RuleDefinition;

  /** Off until switched on (after a dry run, typically); a disabled rule's tags are removed from every customer. */
  @Column({ default: false })
  enabled: boolean;

  @Column('uuid')
  groupId: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastEvaluatedAt: Date | null;
}
