import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** pending until WeCom reports; unsent when the task closed with the target still at status 0. */
export type TargetStatus = 'pending' | 'sent' | 'not_friend' | 'quota' | 'unsent' | 'failed';

/** One customer (external_userid) or chat of a task, with what WeCom reported for it. */
@Entity('task_targets')
@Index('ix_task_targets_tenant_enrolment', ['tenantId', 'enrolmentId'])
export class TaskTarget {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  taskId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  wecomId: string;

  @Column('uuid')
  enrolmentId: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: TargetStatus;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
