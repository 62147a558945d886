import { Column, Entity, Index } from 'typeorm';
import { TenantEntity, TenantRole } from '@scrm/platform';

@Entity('users')
@Index('uq_users_tenant_email', ['tenantId', 'email'], { unique: true })
export class User extends TenantEntity {
  @Column({ length: 254 })
  email: string;

  @Column({ length: 128, default: '' })
  displayName: string;

  /** argon2id; never selected into API responses. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: TenantRole;

  /** WeCom userid when the user is (or speaks for) a staff member. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  staffUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
