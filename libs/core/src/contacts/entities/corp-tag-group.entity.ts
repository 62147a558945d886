import { Column, Entity, Index } from 'typeorm';
import { CorpTagFields } from './corp-tag-fields';

/** Mirror of a WeCom corp tag group. */
@Entity('corp_tag_groups')
@Index('uq_corp_tag_groups_tenant_group', ['tenantId', 'groupId'], { unique: true })
export class CorpTagGroup extends CorpTagFields {
  @Column({ length: 64 })
  groupId: string;
}
