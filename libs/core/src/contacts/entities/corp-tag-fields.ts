import { Column } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** What WeCom reports alike for tags and tag groups. */
export abstract class CorpTagFields extends TenantEntity {
  @Column({ length: 64 })
  name: string;

  /** Higher sorts first (WeCom's order). */
  @Column({ type: 'int', default: 0 })
  order: number;

  @Column({ type: 'timestamptz', nullable: true })
  wecomCreatedAt: Date | null;

  /** Gone from WeCom; kept so old links still resolve a name. */
  @Column({ default: false })
  deleted: boolean;
}
