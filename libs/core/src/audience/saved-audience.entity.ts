import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { AudienceRule } from './audience-rule';

/** A named rule kept for reuse (SOPs, bulk tagging), with its count as of `countedAt` (refreshed hourly and on demand). */
@Entity('audiences')
@Index('ix_audiences_tenant_created', ['tenantId', 'createdAt'])
export class SavedAudience extends TenantEntity {
  @Column({ length: 128 })
  name: string;

  @Column({ type: 'jsonb' })
  rule: AudienceRule;

  @Column({ type: 'int', nullable: true })
  count: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  countedAt: Date | null;
}
