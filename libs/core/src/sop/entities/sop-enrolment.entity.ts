import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { SopTargetKind } from '../sop.types';

export type EnrolmentStatus = 'active' | 'completed' | 'exited';

/**
 * One target going through one SOP version. The scheduler claims rows whose next step is due
 * (FOR UPDATE SKIP LOCKED), so any number of workers share the work.
 */
@Entity('sop_enrolments')
@Index('uq_sop_enrolments_tenant_sop_target_run', ['tenantId', 'sopId', 'targetId', 'runKey'], { unique: true })
@Index('ix_sop_enrolments_tenant_due', ['tenantId', 'nextDueAt'], { where: `status = 'active'` })
@Index('ix_sop_enrolments_tenant_target', ['tenantId', 'targetId'])
export class SopEnrolment extends TenantEntity {
  @Column('uuid')
  sopId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  targetKind: SopTargetKind;

  /** customers.id for customers, the chat_id for group chats. */
  @Column({ length: 64 })
  targetId: string;

  /** The customer's external_userid (customers) or the chat_id (groups): what WeCom is sent. */
  @Column({ length: 64 })
  wecomId: string;

  /** The member who brought the enrolment (the add's member); null lets the assignment rule pick at delivery. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  userId: string | null;

  /** '' for event enrolments (a target enrols once per SOP); the firing time for scheduled SOPs. */
  @Column({ type: 'varchar', length: 32, default: '' })
  runKey: string;

  /** Step offsets count from here: the enrolment or the firing. */
  @Column({ type: 'timestamptz' })
  anchorAt: Date;

  @Column({ type: 'int', default: 0 })
  nextStep: number;

  @Column({ type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: EnrolmentStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  exitReason: string | null;
}
