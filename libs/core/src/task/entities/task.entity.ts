import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { StepDelivery, SopTargetKind } from '../../sop/sop.types';

/**
 * open: collecting targets · calling: the WeCom call may be in flight · sent: WeCom has it (mass send waiting for
 * the member, or the reminder card delivered) · done / skipped / expired / failed: closed.
 */
export type TaskStatus = 'open' | 'calling' | 'sent' | 'done' | 'skipped' | 'expired' | 'failed';
export const CLOSED_TASK_STATUSES: TaskStatus[] = ['done', 'skipped', 'expired', 'failed'];

/** One member's work for one SOP step in one scheduler window (chunked to WeCom's per-call limits). */
@Entity('tasks')
@Index('uq_tasks_tenant_group_chunk', ['tenantId', 'sopId', 'sopVersion', 'stepIndex', 'userId', 'windowAt', 'chunk'], { unique: true })
@Index('ix_tasks_tenant_status_updated', ['tenantId', 'status', 'updatedAt'])
@Index('ix_tasks_tenant_user_window', ['tenantId', 'userId', 'windowAt'])
@Index('ix_tasks_tenant_sop_step', ['tenantId', 'sopId', 'stepIndex'])
export class Task extends TenantEntity {
  @Column('uuid')
  sopId: string;

  @Column({ type: 'int' })
  sopVersion: number;

  @Column({ type: 'int' })
  stepIndex: number;

  @Column({ type: 'varchar', length: 16 })
  delivery: StepDelivery;

  @Column({ type: 'varchar', length: 16 })
  targetKind: SopTargetKind;

  @Column({ length: 64 })
  userId: string;

  /** The scheduler minute that created it: the (member, step, window) grouping key. */
  @Column({ type: 'timestamptz' })
  windowAt: Date;

  @Column({ type: 'int', default: 0 })
  chunk: number;

  @Column({ type: 'int', default: 0 })
  targetCount: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: TaskStatus;

  @Column({ type: 'timestamptz', nullable: true })
  callingAt: Date | null;

  /** add_msg_template's msgid (mass send) or message/send's msgid (reminder). */
  @Column({ type: 'varchar', length: 128, nullable: true })
  msgid: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Staff see it overdue after this; a mass send still unsettled then is closed as expired. */
  @Column({ type: 'timestamptz' })
  dueBy: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Why it was skipped (staff), failed (WeCom's message) or closed. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;
}
