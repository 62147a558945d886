import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * (enrolment, step) handed to a task: written in the transaction that advances the enrolment, and its primary key
 * makes a second hand-over of the same step fail that transaction. The at-most-once guarantee.
 */
@Entity('sop_deliveries')
export class SopDelivery {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  enrolmentId: string;

  @PrimaryColumn('int')
  stepIndex: number;

  @Column('uuid')
  taskId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
