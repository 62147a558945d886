import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { AudienceRule } from '../../audience/audience-rule';

export type TagJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface TagJobError {
  customerId: string | null;
  ref?: string;
  error: string;
}

/**
 * A bulk tagging job: add and/or remove tags for a list of customers or an audience. Postgres holds the whole
 * job and its keyset checkpoint (last customer id done), so a crashed worker's job is resumed by the sweeper.
 */
@Entity('tag_jobs')
@Index('ix_tag_jobs_tenant_status', ['tenantId', 'status'])
export class TagJob extends TenantEntity {
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  addTagIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  removeTagIds: string[];

  /** The customers (customers.id, sorted) when the job names them; null for an audience job. */
  @Column({ type: 'uuid', array: true, nullable: true })
  customerIds: string[] | null;

  /** The rule (a saved audience's rule is copied here when the job is created). */
  @Column({ type: 'jsonb', nullable: true })
  audience: AudienceRule | null;

  @Column({ type: 'uuid', nullable: true })
  audienceId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: TagJobStatus;

  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ type: 'int', default: 0 })
  failed: number;

  /** The first few failures, for the marketer to read. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: TagJobError[];

  /** Keyset checkpoint: every customer with a smaller id is done. */
  @Column({ type: 'uuid', nullable: true })
  lastCustomerId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
