import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { CorpTagRefresher } from './corp-tag-refresher';
import { CustomerTagWriter } from './customer-tag.writer';
import { TagCategory } from './entities/tag-category.entity';
import { TagGroup } from './entities/tag-group.entity';
import { Tag } from './entities/tag.entity';
import { TagCatalogueRead, TagGroupWithTags } from './tag-catalogue.read';
import { duplicateNameAs409, nameTaken, tagNotFound } from './tag.errors';
import { assertUniqueNames, checkCorpName, TagCaller, TagGroupInput, TagGroupPatch, wecomFields } from './tag-input';

/**
 * Tag groups. Corp groups are changed in WeCom first (add_corp_tag / edit_corp_tag / del_corp_tag) and written
 * here only after WeCom agreed, by re-reading WeCom's list; local kinds live here only.
 */
@Injectable()
export class TagGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly refresher: CorpTagRefresher,
    private readonly read: TagCatalogueRead,
    private readonly writer: CustomerTagWriter,
  ) {}

  async create(tenantId: string, caller: TagCaller, input: TagGroupInput): Promise<TagGroupWithTags> {
    checkAllowedRoles(caller, input.allowedRoles);
    await this.checkCategory(tenantId, input.categoryId);
    await this.checkNameFree(tenantId, input.name);
    const tags = input.tags ?? [];
    assertUniqueNames(tags.map((t) => t.name), 'tags');
    const own = { categoryId: input.categoryId ?? null, description: input.description ?? '', allowedRoles: input.allowedRoles ?? null };
    if (input.kind !== 'corp') {
      const id = await this.db.transaction(async (m) => {
        const group = await m.save(TagGroup, { tenantId, name: input.name, kind: input.kind, order: input.order ?? 0, ...own });
        const rows = tags.map((t) => ({ tenantId, groupId: group.id, name: t.name, kind: input.kind, description: t.description ?? '', order: t.order ?? 0, source: 'api' }));
        if (rows.length) await m.save(Tag, rows);
        return group.id;
      });
      return this.read.group(tenantId, caller, id);
    }
    checkCorpName(input.name, 'name');
    if (tags.length === 0) throw fieldError('tags', 'a corp tag group needs at least one tag (WeCom has no empty groups)');
    tags.forEach((t, i) => checkCorpName(t.name, `tags.${i}.name`));
    const client = await this.wecom.client(tenantId);
    const made = await duplicateNameAs409('Tag group', input.name, () =>
      client.tags.add({ group_name: input.name, order: input.order, tag: tags.map((t) => ({ name: t.name, order: t.order })) }),
    );
    const id = await this.refresher.refresh(tenantId, async (m) => {
      const group = await m.findOneOrFail(TagGroup, { where: { tenantId, corpGroupId: made.group_id } });
      await m.update(TagGroup, { tenantId, id: group.id }, own);
      for (const t of made.tag) {
        const description = tags.find((x) => x.name === t.name)?.description;
        await m.update(Tag, { tenantId, corpTagId: t.id }, { source: 'api', ...(description ? { description } : {}) });
      }
      return group.id;
    });
    return this.read.group(tenantId, caller, id);
  }

  async update(tenantId: string, caller: TagCaller, id: string, patch: TagGroupPatch): Promise<TagGroupWithTags> {
    checkAllowedRoles(caller, patch.allowedRoles);
    const group = await this.live(tenantId, caller, id);
    if (patch.categoryId !== undefined) await this.checkCategory(tenantId, patch.categoryId);
    if (patch.name !== undefined && patch.name !== group.name) await this.checkNameFree(tenantId, patch.name);
    const own: Partial<TagGroup> = {};
    if (patch.categoryId !== undefined) own.categoryId = patch.categoryId;
    if (patch.description !== undefined) own.description = patch.description;
    if (patch.allowedRoles !== undefined) own.allowedRoles = patch.allowedRoles;
    const wecomSide = wecomFields(patch);
    if (group.kind === 'corp' && Object.keys(wecomSide).length) {
      await this.refresher.edit(tenantId, 'Tag group', group.corpGroupId!, wecomSide, (m) => this.saveOwn(m, tenantId, id, own));
    } else {
      // The corp path announces in CorpTagRefresher, after the re-read's commit.
      await this.db.transaction((m) => this.saveOwn(m, tenantId, id, { ...own, ...wecomSide }));
      await this.writer.announceCatalogue(tenantId);
    }
    return this.read.group(tenantId, caller, id);
  }

  /** The group and its tags are flagged deleted (history still resolves names) and taken off every customer. */
  async remove(tenantId: string, caller: TagCaller, id: string): Promise<void> {
    const group = await this.live(tenantId, caller, id);
    if (group.kind === 'corp') return this.refresher.remove(tenantId, { group_id: [group.corpGroupId!] });
    const changed = await this.db.transaction(async (m) => {
      await m.update(TagGroup, { tenantId, id }, { deleted: true });
      const tagIds = (await m.find(Tag, { where: { tenantId, groupId: id, deleted: false }, select: { id: true } })).map((t) => t.id);
      await m.update(Tag, { tenantId, groupId: id }, { deleted: true });
      return this.writer.removeTags(tenantId, tagIds, m, false);
    });
    this.writer.announce(tenantId, changed);
  }

  /** `ids` in the wanted order, first = highest order (WeCom sorts higher first). Groups not named keep theirs. */
  async reorder(tenantId: string, caller: TagCaller, ids: string[]): Promise<TagGroupWithTags[]> {
    assertUniqueNames(ids, 'ids');
    const groups = await Promise.all(ids.map((id, i) => this.live(tenantId, caller, id, `ids.${i}`)));
    const wanted = groups.map((g, i) => ({ group: g, order: ids.length - i }));
    const corp = wanted.filter((w) => w.group.kind === 'corp' && w.group.order !== w.order);
    if (corp.length) {
      const client = await this.wecom.client(tenantId);
      for (const w of corp) await client.tags.edit({ id: w.group.corpGroupId!, order: w.order });
    }
    const local = async (m: EntityManager) => {
      for (const w of wanted) if (w.group.kind !== 'corp') await m.update(TagGroup, { tenantId, id: w.group.id }, { order: w.order });
    };
    if (corp.length) {
      await this.refresher.refresh(tenantId, local); // announces the catalogue change itself
    } else {
      await this.db.transaction(local);
      await this.writer.announceCatalogue(tenantId);
    }
    return this.read.list(tenantId, caller);
  }

  /** A group the caller may see and that is not deleted; 404 otherwise (or 400 naming `field` when given). */
  async live(tenantId: string, caller: TagCaller, id: string, field?: string): Promise<TagGroupWithTags> {
    const group = await this.read.findGroup(tenantId, caller, id);
    if (group && !group.deleted) return group;
    throw field ? fieldError(field, `no tag group ${id}`) : tagNotFound('Tag group');
  }

  private async saveOwn(m: EntityManager, tenantId: string, id: string, fields: Partial<TagGroup>): Promise<void> {
    if (Object.keys(fields).length) await m.update(TagGroup, { tenantId, id }, fields);
  }

  private async checkCategory(tenantId: string, categoryId: string | null | undefined): Promise<void> {
    if (!categoryId) return;
    if (!(await this.db.manager.exists(TagCategory, { where: { tenantId, id: categoryId } }))) throw fieldError('categoryId', `no category ${categoryId}`);
  }

  private async checkNameFree(tenantId: string, name: string): Promise<void> {
    if (await this.db.manager.exists(TagGroup, { where: { tenantId, name, deleted: false } })) throw nameTaken('Tag group', name);
  }
}

/** Restricting a group to roles is an admin decision: everyone else could hide a group from admins' reports. */
function checkAllowedRoles(caller: TagCaller, allowedRoles: unknown): void {
  if (allowedRoles !== undefined && caller.role !== 'admin') throw new ForbiddenException('allowedRoles: only admins may restrict tag groups to roles');
}
