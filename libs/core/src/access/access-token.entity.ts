import { Column, Entity, Index } from 'typeorm';
import { TenantEntity, TenantRole } from '@scrm/platform';

export type AccessTokenKind = 'session' | 'api_key';

/** A bearer credential. Only its SHA-256 is stored; the token itself is shown once. */
@Entity('access_tokens')
@Index('uq_access_tokens_tenant_hash', ['tenantId', 'tokenHash'], { unique: true })
export class AccessToken extends TenantEntity {
  @Column({ type: 'varchar', length: 16 })
  kind: AccessTokenKind;

  @Column({ length: 128, default: '' })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: TenantRole;

  @Column({ type: 'varchar', length: 64, nullable: true })
  staffUserId: string | null;

  @Column({ length: 64 })
  tokenHash: string;

  /** First characters, so a person can recognise a key in a list. */
  @Column({ length: 24 })
  displayPrefix: string;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
