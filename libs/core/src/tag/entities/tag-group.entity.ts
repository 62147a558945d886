import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { TagKind } from '../tag.types';

/** A group of tags of one kind. Corp groups link to their WeCom group_id. */
@Entity('tag_groups')
@Index('uq_tag_groups_tenant_corp_group', ['tenantId', 'corpGroupId'], { unique: true, where: 'corp_group_id IS NOT NULL' })
@Index('ix_tag_groups_tenant_category', ['tenantId', 'categoryId'])
export class TagGroup extends TenantEntity {
  @Column({ length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TagKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  corpGroupId: string | null;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Higher sorts first (WeCom's order for corp groups). */
  @Column({ type: 'int', default: 0 })
  order: number;

  /** Roles that may see this group and its tags on customers; null means every role. */
  @Column({ type: 'text', array: true, nullable: true })
  allowedRoles: string[] | null;

  /** Gone (deleted here or in WeCom); kept so history still resolves a name. */
  @Column({ default: false })
  deleted: boolean;
}
