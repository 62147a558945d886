import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SopDefinition } from '../sop.types';

/** An immutable definition; editing an SOP adds a version, and enrolments keep the one they started with. */
@Entity('sop_versions')
export class SopVersion {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  sopId: string;

  @PrimaryColumn('int')
  version: number;

  @Column({ type: 'jsonb' })
  definition: SopDefinition;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
