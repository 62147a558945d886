import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

export type GroupChatStatus = 'active' | 'dismissed';

/** A customer group chat, as groupchat/get last returned it. */
@Entity('group_chats')
@Index('uq_group_chats_tenant_chat', ['tenantId', 'chatId'], { unique: true })
export class GroupChat extends TenantEntity {
  @Column({ length: 64 })
  chatId: string;

  @Column({ length: 128, default: '' })
  name: string;

  @Column({ length: 64, default: '' })
  owner: string;

  @Column({ type: 'text', default: '' })
  notice: string;

  @Column({ type: 'timestamptz', nullable: true })
  wecomCreatedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  memberVersion: string | null;

  @Column({ type: 'int', default: 0 })
  memberCount: number;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: GroupChatStatus;
}
