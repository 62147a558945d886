import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** A WeCom external contact. A row can exist with empty details when a delete arrived before its add. */
@Entity('customers')
@Index('uq_customers_tenant_external_user', ['tenantId', 'externalUserId'], { unique: true })
@Index('ix_customers_tenant_last_seen', ['tenantId', 'lastSeenAt'])
export class Customer extends TenantEntity {
  @Column({ length: 64 })
  externalUserId: string;

  @Column({ length: 128, default: '' })
  name: string;

  @Column({ type: 'text', default: '' })
  avatar: string;

  /** 1 WeChat user, 2 WeCom user; null until details were fetched. */
  @Column({ type: 'smallint', nullable: true })
  type: number | null;

  @Column({ type: 'smallint', nullable: true })
  gender: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  corpName: string | null;

  @Column({ type: 'varchar', length: 256, nullable: true })
  corpFullName: string | null;

  @Column({ type: 'timestamptz' })
  firstSeenAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** Custom attribute values by AttributeDefinition key (typed by the definition). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;
}
