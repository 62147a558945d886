import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Our tags on a customer group chat (WeCom has no group tags in its API): set by admins, read by group SOPs.
 * tag_id is a tags.id of the profile store's catalogue.
 */
@Entity('group_chat_tags')
@Index('ix_group_chat_tags_tenant_tag', ['tenantId', 'tagId', 'chatId'])
export class GroupChatTag {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  chatId: string;

  @PrimaryColumn('uuid')
  tagId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
