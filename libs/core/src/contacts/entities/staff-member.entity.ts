import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** A WeCom member as we last saw them: the follow-user list plus user/get. */
@Entity('staff_members')
@Index('uq_staff_members_tenant_user', ['tenantId', 'userId'], { unique: true })
export class StaffMember extends TenantEntity {
  @Column({ length: 64 })
  userId: string;

  @Column({ length: 128, default: '' })
  name: string;

  /** WeCom user status: 1 active, 2 disabled, 4 not activated, 5 left. */
  @Column({ type: 'smallint', nullable: true })
  status: number | null;

  /** In get_follow_user_list: allowed to have customers. */
  @Column({ default: false })
  followUser: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  syncedAt: Date | null;
}
