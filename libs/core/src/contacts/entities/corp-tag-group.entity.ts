import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** Mirror of a WeCom corp tag group. Deleted groups stay, flagged, so old links still resolve a name. */
@Entity('corp_tag_groups')
@Index('uq_corp_tag_groups_tenant_group', ['tenantId', 'groupId'], { unique: true })
export class CorpTagGroup extends TenantEntity {
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
