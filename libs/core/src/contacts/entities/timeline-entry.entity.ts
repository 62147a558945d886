import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** Something that happened to a customer (or a group chat). One row per change; replays find the dedupe key taken. */
@Entity('timeline_entries')
@Index('uq_timeline_entries_tenant_dedupe', ['tenantId', 'dedupeKey'], { unique: true })
@Index('ix_timeline_entries_tenant_customer_time', ['tenantId', 'externalUserId', 'occurredAt'])
@Index('ix_timeline_entries_tenant_chat_time', ['tenantId', 'chatId', 'occurredAt'])
export class TimelineEntry extends TenantEntity {
  /** A DomainEvent name, e.g. customer.added. */
  @Column({ length: 48 })
  type: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  externalUserId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  chatId: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ length: 300 })
  dedupeKey: string;

  /** The inbox row that caused it (opaque: tests and replays pass their own). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  inboxId: string | null;
}
