import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';
import type { SopStatus, SopTargetKind, SopTriggerType } from '../sop.types';

/** An SOP: its lifecycle and which version is current. The definition itself lives in sop_versions. */
@Entity('sops')
@Index('ix_sops_tenant_status_trigger', ['tenantId', 'status', 'triggerType'])
@Index('ix_sops_tenant_next_fire', ['tenantId', 'nextFireAt'], { where: `status = 'active' AND next_fire_at IS NOT NULL` })
export class Sop extends TenantEntity {
  @Column({ length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: SopStatus;

  @Column({ type: 'varchar', length: 16 })
  target: SopTargetKind;

  /** Copied from the current version so the event listener finds candidate SOPs without reading versions. */
  @Column({ type: 'varchar', length: 16 })
  triggerType: SopTriggerType;

  @Column({ type: 'int' })
  currentVersion: number;

  /** Scheduled SOPs: the next firing while active. */
  @Column({ type: 'timestamptz', nullable: true })
  nextFireAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastFiredAt: Date | null;
}
