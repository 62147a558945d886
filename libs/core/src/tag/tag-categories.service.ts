import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CustomerTagWriter } from './customer-tag.writer';
import { TagCategory } from './entities/tag-category.entity';
import { TagGroup } from './entities/tag-group.entity';
import { nameTaken, tagNotFound } from './tag.errors';
import { MAX_CATEGORY_DEPTH } from './tag.types';

export interface TagCategoryInput {
  name: string;
  parentId?: string | null;
}

/** Folders for tag groups, at most MAX_CATEGORY_DEPTH levels; a move carries the whole subtree, which must still fit. */
@Injectable()
export class TagCategoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: CustomerTagWriter,
  ) {}

  list(tenantId: string): Promise<TagCategory[]> {
    return this.db.manager.find(TagCategory, { where: { tenantId }, order: { depth: 'ASC', name: 'ASC' } });
  }

  async get(tenantId: string, id: string): Promise<TagCategory> {
    const category = await this.db.manager.findOne(TagCategory, { where: { tenantId, id } });
    if (!category) throw tagNotFound('Category');
    return category;
  }

  async create(tenantId: string, input: TagCategoryInput): Promise<TagCategory> {
    return this.db.transaction(async (m) => {
      await lockTree(m, tenantId);
      const parentId = input.parentId ?? null;
      const depth = (await this.parentDepth(m, tenantId, parentId)) + 1;
      if (depth > MAX_CATEGORY_DEPTH) throw tooDeep();
      await checkNameFree(m, tenantId, parentId, input.name);
      return m.save(TagCategory, { tenantId, name: input.name, parentId, depth });
    });
  }

  async update(tenantId: string, id: string, patch: Partial<TagCategoryInput>): Promise<TagCategory> {
    const updated = await this.db.transaction(async (m) => {
      await lockTree(m, tenantId);
      const category = await this.get(tenantId, id);
      const parentId = patch.parentId === undefined ? category.parentId : patch.parentId;
      const name = patch.name ?? category.name;
      if (parentId !== category.parentId || name !== category.name) await checkNameFree(m, tenantId, parentId, name, id);
      if (parentId !== category.parentId) {
        const subtree = await subtreeOf(m, tenantId, id);
        if (parentId && subtree.some((c) => c.id === parentId)) throw fieldError('parentId', 'a category cannot move under itself');
        const depth = (await this.parentDepth(m, tenantId, parentId)) + 1;
        const height = Math.max(...subtree.map((c) => c.depth)) - category.depth;
        if (depth + height > MAX_CATEGORY_DEPTH) throw tooDeep();
        await m.query(`UPDATE tag_categories SET depth = depth + $3, updated_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
          tenantId,
          subtree.map((c) => c.id),
          depth - category.depth,
        ]);
      }
      await m.update(TagCategory, { tenantId, id }, { name, parentId });
      return m.findOneByOrFail(TagCategory, { tenantId, id });
    });
    await this.writer.announceCatalogue(tenantId);
    return updated;
  }

  /** Only an empty category goes: moving or deleting what is in it is the marketer's decision, not ours. */
  async remove(tenantId: string, id: string): Promise<void> {
    await this.get(tenantId, id);
    const children = await this.db.manager.count(TagCategory, { where: { tenantId, parentId: id } });
    const groups = await this.db.manager.count(TagGroup, { where: { tenantId, categoryId: id, deleted: false } });
    if (children || groups) throw new ConflictException(`The category still holds ${children} categories and ${groups} tag groups`);
    await this.db.transaction(async (m) => {
      await m.update(TagGroup, { tenantId, categoryId: id }, { categoryId: null });
      await m.delete(TagCategory, { tenantId, id });
    });
  }

  private async parentDepth(m: EntityManager, tenantId: string, parentId: string | null): Promise<number> {
    if (!parentId) return 0;
    const parent = await m.findOne(TagCategory, { where: { tenantId, id: parentId } });
    if (!parent) throw fieldError('parentId', `no category ${parentId}`);
    return parent.depth;
  }
}

function tooDeep() {
  return fieldError('parentId', `categories nest at most ${MAX_CATEGORY_DEPTH} levels deep`);
}

/** Moves are serialised per tenant, so two moves cannot together build a cycle or a tree too deep. */
async function lockTree(m: EntityManager, tenantId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('tag-categories:' || $1))`, [tenantId]);
}

async function subtreeOf(m: EntityManager, tenantId: string, id: string): Promise<Array<{ id: string; depth: number }>> {
  return m.query(
    `WITH RECURSIVE sub AS (
       SELECT id, depth FROM tag_categories WHERE tenant_id = $1 AND id = $2
       UNION ALL SELECT c.id, c.depth FROM tag_categories c JOIN sub ON c.parent_id = sub.id WHERE c.tenant_id = $1)
     SELECT id, depth FROM sub`,
    [tenantId, id],
  );
}

async function checkNameFree(m: EntityManager, tenantId: string, parentId: string | null, name: string, except?: string): Promise<void> {
  const same = await m.findOne(TagCategory, { where: { tenantId, parentId: parentId ?? IsNull(), name } });
  if (same && same.id !== except) throw nameTaken('Category', name);
}
