import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

export type SyncTrigger = 'tenant_created' | 'manual' | 'nightly';
export type SyncStatus = 'running' | 'done' | 'failed';
export type SyncPhase = 'staff' | 'tags' | 'customers' | 'group_chats' | 'done';

export interface SyncCheckpoint {
  /** customers: index into the follow-user list and the batch/get_by_user cursor within that batch. */
  userIndex?: number;
  cursor?: string;
  /** When the customers phase began (database time): relationships not written since were not seen. */
  customersFrom?: string;
  /** group_chats: index into the sorted chat id list of the next chat to read. */
  chatIndex?: number;
}

export interface SyncCounts {
  staff: number;
  tags: number;
  customers: number;
  relationships: number;
  groupChats: number;
  /** Active relationships WeCom no longer lists, marked deleted by this run. */
  relationshipsGone?: number;
}

/**
 * One full sync of a tenant. The checkpoint is written after every page, so a crashed run resumes
 * where it stopped; the lease keeps two workers off the same run.
 */
@Entity('sync_runs')
// One running sync per tenant: a second start hits this index (→ 409).
@Index('uq_sync_runs_tenant_running', ['tenantId'], { unique: true, where: `"status" = 'running'` })
@Index('ix_sync_runs_tenant_created', ['tenantId', 'createdAt'])
export class SyncRun extends TenantEntity {
  @Column({ type: 'varchar', length: 16 })
  trigger: SyncTrigger;

  @Column({ type: 'varchar', length: 16, default: 'running' })
  status: SyncStatus;

  @Column({ type: 'varchar', length: 16, default: 'staff' })
  phase: SyncPhase;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  checkpoint: SyncCheckpoint;

  // Written as Postgres prints jsonb back, or migration:generate would see a change every time.
  @Column({ type: 'jsonb', default: () => `'{"tags": 0, "staff": 0, "customers": 0, "groupChats": 0, "relationships": 0}'` })
  counts: SyncCounts;

  @Column({ type: 'smallint', default: 0 })
  percent: number;

  /** Errors met on the way (a chat that vanished mid-sync) and the final one when the run failed. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: Array<{ at: string; phase: SyncPhase; message: string }>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
