import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** Mirror of a WeCom corp tag. */
@Entity('corp_tags')
@Index('uq_corp_tags_tenant_tag', ['tenantId', 'tagId'], { unique: true })
@Index('ix_corp_tags_tenant_group', ['tenantId', 'groupId'])
export class CorpTag extends TenantEntity {
  @Column({ length: 64 })
  tagId: string;

  @Column({ length: 64 })
  groupId: string;

  @Column({ length: 64 })
  name: string;

  @Column({ type: 'int', default: 0 })
  order: number;

  @Column({ type: 'timestamptz', nullable: true })
  wecomCreatedAt: Date | null;

  @Column({ default: false })
  deleted: boolean;
}
