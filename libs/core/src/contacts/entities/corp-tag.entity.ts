import { Column, Entity, Index } from 'typeorm';
import { CorpTagFields } from './corp-tag-fields';

/** Mirror of a WeCom corp tag. */
@Entity('corp_tags')
@Index('uq_corp_tags_tenant_tag', ['tenantId', 'tagId'], { unique: true })
@Index('ix_corp_tags_tenant_group', ['tenantId', 'groupId'])
export class CorpTag extends CorpTagFields {
  @Column({ length: 64 })
  tagId: string;

  @Column({ length: 64 })
  groupId: string;
}
