import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** received → processing (leased to one worker) → done | failed. A replay puts a row back to received. */
export type InboxStatus = 'received' | 'processing' | 'done' | 'failed';
export const INBOX_STATUSES: InboxStatus[] = ['received', 'processing', 'done', 'failed'];

/** What a finished row's handler said: `acknowledged` = stored, nothing handled it (unknown type or no handler). */
export type InboxResult = 'done' | 'skipped' | 'acknowledged';

/**
 * One WeCom callback, stored before we answer 200 (the durable copy; Redis only carries a pointer to it).
 * created_at is when we received it.
 */
@Entity('inbox_events')
@Index('uq_inbox_events_dedupe', ['tenantId', 'dedupeKey'], { unique: true })
@Index('ix_inbox_events_created', ['tenantId', 'createdAt'])
@Index('ix_inbox_events_type', ['tenantId', 'type', 'createdAt'])
// Only unfinished rows: keeps the sweeper's scan small however large the table grows.
@Index('ix_inbox_events_unfinished', ['tenantId', 'createdAt'], { where: `"status" IN ('received', 'processing')` })
export class InboxEvent extends TenantEntity {
  /** eventDedupeKey(): WeCom events have no MsgId, and WeCom re-delivers. */
  @Column({ type: 'text' })
  dedupeKey: string;

  /** The parsed event's kind (add_external_contact, chat_update, tag_create, ..., unknown). */
  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status: InboxStatus;

  /** The decrypted inner XML, exactly as WeCom sent it. */
  @Column({ type: 'text' })
  xml: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** While processing: the claim expires here, so a crashed worker's row is picked up again. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  result: InboxResult | null;

  /** Last failure text (kept on a row that later succeeded is cleared). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
