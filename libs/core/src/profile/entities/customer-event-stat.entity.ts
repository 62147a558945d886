import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per (customer, event type): when the customer first and last did it, and how often. Kept by a statement
 * trigger on customer_events in the same transaction as every insert (migration CustomerEventStats), so it is exact
 * whoever writes events; events are never updated or deleted.
 * Why: "purchased within 30 days" over a 1M-customer tenant read every event of the window (830k index entries);
 * with last_at it reads one row per customer who ever did it, and only ties to `now` fall back to the events.
 */
@Entity('customer_event_stats')
// Audience event leaves join it in customer order (merge join with the tag rows); last_at rides along for the filter.
@Index('ix_customer_event_stats_tenant_type_customer', ['tenantId', 'type', 'customerId', 'lastAt'])
export class CustomerEventStat {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  @PrimaryColumn({ length: 48 })
  type: string;

  @Column({ type: 'timestamptz' })
  firstAt: Date;

  @Column({ type: 'timestamptz' })
  lastAt: Date;

  @Column({ type: 'bigint' })
  count: string;
}
