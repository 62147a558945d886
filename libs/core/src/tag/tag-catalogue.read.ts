import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TagGroup } from './entities/tag-group.entity';
import { Tag } from './entities/tag.entity';
import { tagNotFound } from './tag.errors';
import { TagCaller } from './tag-input';
import type { TagKind } from './tag.types';
import { TagVisibility } from './tag-visibility';

export interface CatalogueFilter {
  kind?: TagKind;
  categoryId?: string;
  includeDeleted?: boolean;
}

export type TagGroupWithTags = TagGroup & { tags: Tag[] };

/** Reads of the catalogue as one caller may see it: restricted groups (and their tags) do not exist for other roles. */
@Injectable()
export class TagCatalogueRead {
  constructor(
    @InjectRepository(TagGroup) private readonly groups: Repository<TagGroup>,
    @InjectRepository(Tag) private readonly tags: Repository<Tag>,
    private readonly visibility: TagVisibility,
  ) {}

  async list(tenantId: string, caller: TagCaller, filter: CatalogueFilter = {}): Promise<TagGroupWithTags[]> {
    const hidden = await this.visibility.hiddenGroupIds(tenantId, caller.role);
    const where = {
      tenantId,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
      ...(filter.includeDeleted ? {} : { deleted: false }),
    };
    const groups = (await this.groups.find({ where, order: { order: 'DESC', name: 'ASC' } })).filter((g) => !hidden.has(g.id));
    const tags = await this.tags.find({ where: { tenantId, ...(filter.includeDeleted ? {} : { deleted: false }) }, order: { order: 'DESC', name: 'ASC' } });
    const byGroup = new Map<string, Tag[]>();
    for (const t of tags) byGroup.set(t.groupId, [...(byGroup.get(t.groupId) ?? []), t]);
    return groups.map((g) => Object.assign(g, { tags: byGroup.get(g.id) ?? [] }));
  }

  /** A group the caller may see (deleted ones too, so history resolves), or 404. */
  async group(tenantId: string, caller: TagCaller, id: string): Promise<TagGroupWithTags> {
    const group = await this.findGroup(tenantId, caller, id);
    if (!group) throw tagNotFound('Tag group');
    return group;
  }

  async findGroup(tenantId: string, caller: TagCaller, id: string): Promise<TagGroupWithTags | null> {
    const group = await this.groups.findOne({ where: { tenantId, id } });
    if (!group || (await this.visibility.hiddenGroupIds(tenantId, caller.role)).has(id)) return null;
    const tags = await this.tags.find({ where: { tenantId, groupId: id }, order: { order: 'DESC', name: 'ASC' } });
    return Object.assign(group, { tags });
  }

  async tag(tenantId: string, caller: TagCaller, id: string): Promise<Tag> {
    const [tag] = await this.visibleTags(tenantId, caller, [id]);
    if (!tag) throw tagNotFound();
    return tag;
  }

  /** The tags among `ids` that exist in the tenant and that the caller may see (deleted ones included). */
  async visibleTags(tenantId: string, caller: TagCaller, ids: string[]): Promise<Tag[]> {
    if (ids.length === 0) return [];
    const tags = await this.tags.find({ where: { tenantId, id: In(ids) } });
    const hidden = await this.visibility.hiddenGroupIds(tenantId, caller.role);
    return tags.filter((t) => !hidden.has(t.groupId));
  }
}
