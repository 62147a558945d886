import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A behaviour event reported through POST /api/v1/events (purchase, login, view...).
 * Together with timeline_entries (the system's own events) it forms a customer's timeline.
 * A bigint key, not a uuid: ten million rows and more per node.
 */
@Entity('customer_events')
@Index('uq_customer_events_tenant_idempotency', ['tenantId', 'idempotencyKey'], { unique: true })
@Index('ix_customer_events_tenant_customer_time', ['tenantId', 'customerId', 'occurredAt'])
// Audience event leaves ("purchase within 30 days") read one type over a window: an index-only scan yields the customers.
@Index('ix_customer_events_tenant_type_time_customer', ['tenantId', 'type', 'occurredAt', 'customerId'])
export class CustomerEvent {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  customerId: string;

  @Column({ length: 48 })
  type: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** amount, item_tags, touchpoint and whatever else the sender reports. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  properties: Record<string, unknown>;

  @Column({ length: 128 })
  idempotencyKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
