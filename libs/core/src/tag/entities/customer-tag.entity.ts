import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CustomerTagSource } from '../tag.types';

/**
 * A tag on a customer, every kind in one table so audiences query one place.
 * No surrogate id: at tens of millions of rows the composite key is the whole index.
 */
@Entity('customer_tags')
@Index('ix_customer_tags_tenant_tag_customer', ['tenantId', 'tagId', 'customerId'])
export class CustomerTag {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  @PrimaryColumn('uuid')
  tagId: string;

  /** In [0, 1]; 1 for plain tags, the score for interest tags. */
  @Column({ type: 'real', default: 1 })
  weight: number;

  @Column({ type: 'varchar', length: 16 })
  source: CustomerTagSource;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  setAt: Date;
}
