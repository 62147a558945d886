import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { TagKind } from '../tag.types';

/** One tag of the profile store. Corp tags link to their WeCom tag id. */
@Entity('tags')
@Index('uq_tags_tenant_corp_tag', ['tenantId', 'corpTagId'], { unique: true, where: 'corp_tag_id IS NOT NULL' })
@Index('ix_tags_tenant_group', ['tenantId', 'groupId'])
export class Tag extends TenantEntity {
  @Column('uuid')
  groupId: string;

  @Column({ length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TagKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  corpTagId: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Who made it: 'wecom' (console or sync), 'api', or 'rule' (a computed-tag rule). */
  @Column({ type: 'varchar', length: 16, default: 'api' })
  source: string;

  @Column({ type: 'int', default: 0 })
  order: number;

  @Column({ default: false })
  deleted: boolean;
}
