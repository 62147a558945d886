import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

/** A folder for tag groups, nested up to MAX_CATEGORY_DEPTH levels (depth 1 is top level). */
@Entity('tag_categories')
@Index('uq_tag_categories_tenant_parent_name', ['tenantId', 'parentId', 'name'], { unique: true })
export class TagCategory extends TenantEntity {
  @Column({ length: 64 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'smallint' })
  depth: number;
}
