import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** A current member of a group chat: a staff member (type 1) or a customer (type 2). Leavers are deleted. */
@Entity('group_chat_members')
@Index('uq_group_chat_members_tenant_chat_member', ['tenantId', 'chatId', 'memberId'], { unique: true })
@Index('ix_group_chat_members_tenant_member', ['tenantId', 'memberId'])
export class GroupChatMember extends TenantEntity {
  @Column({ length: 64 })
  chatId: string;

  @Column({ length: 64 })
  memberId: string;

  @Column({ type: 'smallint' })
  type: number;

  @Column({ type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  joinScene: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  invitor: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  name: string | null;
}
