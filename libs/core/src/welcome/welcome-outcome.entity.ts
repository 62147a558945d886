import { TenantEntity } from '@scrm/platform';
import { Column, Entity, Index } from 'typeorm';
import { WelcomeStatus } from './welcome.types';

/** What happened to the welcome of one add. The unique add key is what makes "never twice" hold. */
@Entity('welcome_outcomes')
@Index('uq_welcome_outcomes_add', ['tenantId', 'addKey'], { unique: true })
@Index('ix_welcome_outcomes_tenant_customer', ['tenantId', 'externalUserId'])
export class WelcomeOutcome extends TenantEntity {
  /** userId:externalUserId:createTime of the add event. */
  @Column({ length: 200 })
  addKey: string;

  @Column({ length: 64 })
  userId: string;

  @Column({ length: 64 })
  externalUserId: string;

  @Column({ type: 'varchar', length: 32 })
  eventKind: string;

  @Column({ type: 'uuid', nullable: true })
  channelId: string | null;

  @Column({ type: 'uuid', nullable: true })
  ruleId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  variant: string | null;

  @Column({ type: 'varchar', length: 24 })
  status: WelcomeStatus;

  @Column({ type: 'int', nullable: true })
  errcode: number | null;

  /** Why, in words a marketer can read (no_code, failed). */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'text', nullable: true })
  sentText: string | null;
}
