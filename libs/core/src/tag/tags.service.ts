import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource, EntityManager, Not } from 'typeorm';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { CorpTagRefresher } from './corp-tag-refresher';
import { CustomerTagWriter } from './customer-tag.writer';
import { Tag } from './entities/tag.entity';
import { TagCatalogueRead, TagGroupWithTags } from './tag-catalogue.read';
import { duplicateNameAs409, nameTaken, tagNotFound } from './tag.errors';
import { TagGroupsService } from './tag-groups.service';
import { assertUniqueNames, checkCorpName, TagCaller, TagInput, TagPatch, wecomFields } from './tag-input';

/** Tags within a group; corp tags go to WeCom first, as their groups do. */
@Injectable()
export class TagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly refresher: CorpTagRefresher,
    private readonly read: TagCatalogueRead,
    private readonly groups: TagGroupsService,
    private readonly writer: CustomerTagWriter,
  ) {}

  async create(tenantId: string, caller: TagCaller, groupId: string, input: TagInput): Promise<Tag> {
    const group = await this.groups.live(tenantId, caller, groupId);
    await this.checkNameFree(tenantId, groupId, input.name);
    if (group.kind !== 'corp') {
      const saved = await this.db.manager.save(Tag, {
        tenantId, groupId, name: input.name, kind: group.kind, description: input.description ?? '', order: input.order ?? 0, source: 'api',
      });
      return this.read.tag(tenantId, caller, saved.id);
    }
    checkCorpName(input.name, 'name');
    const client = await this.wecom.client(tenantId);
    const made = await duplicateNameAs409('Tag', input.name, () =>
      client.tags.add({ group_id: group.corpGroupId!, tag: [{ name: input.name, order: input.order }] }),
    );
    const corpTagId = made.tag.find((t) => t.name === input.name)?.id;
    const id = await this.refresher.refresh(tenantId, async (m) => {
      const tag = await m.findOneOrFail(Tag, { where: { tenantId, corpTagId } });
      await m.update(Tag, { tenantId, id: tag.id }, { description: input.description ?? '', source: 'api' });
      return tag.id;
    });
    return this.read.tag(tenantId, caller, id);
  }

  async update(tenantId: string, caller: TagCaller, id: string, patch: TagPatch): Promise<Tag> {
    const tag = await this.live(tenantId, caller, id);
    if (patch.name !== undefined && patch.name !== tag.name) await this.checkNameFree(tenantId, tag.groupId, patch.name, id);
    const wecomSide = wecomFields(patch);
    const own = patch.description !== undefined ? { description: patch.description } : {};
    if (tag.kind === 'corp' && Object.keys(wecomSide).length) {
      await this.refresher.edit(tenantId, 'Tag', tag.corpTagId!, wecomSide, (m) => saveOwn(m, tenantId, id, own));
    } else {
      // The corp path announces in CorpTagRefresher, after the re-read's commit.
      await saveOwn(this.db.manager, tenantId, id, { ...own, ...wecomSide });
      await this.writer.announceCatalogue(tenantId);
    }
    return this.read.tag(tenantId, caller, id);
  }

  /** Flagged deleted and taken off every customer. WeCom deletes a corp group left empty; the re-read shows it. */
  async remove(tenantId: string, caller: TagCaller, id: string): Promise<void> {
    const tag = await this.live(tenantId, caller, id);
    if (tag.kind === 'corp') return this.refresher.remove(tenantId, { tag_id: [tag.corpTagId!] });
    const changed = await this.db.transaction(async (m) => {
      await m.update(Tag, { tenantId, id }, { deleted: true });
      return this.writer.removeTags(tenantId, [id], m, false);
    });
    this.writer.announce(tenantId, changed);
  }

  /** `ids` in the wanted order within the group, first = highest order. */
  async reorder(tenantId: string, caller: TagCaller, groupId: string, ids: string[]): Promise<TagGroupWithTags> {
    assertUniqueNames(ids, 'ids');
    const group = await this.groups.live(tenantId, caller, groupId);
    const live = new Map(group.tags.filter((t) => !t.deleted).map((t) => [t.id, t]));
    const wanted = ids.map((id, i) => {
      const tag = live.get(id);
      if (!tag) throw fieldErrorAt(i, id);
      return { tag, order: ids.length - i };
    });
    const changed = wanted.filter((w) => w.tag.order !== w.order);
    if (group.kind === 'corp' && changed.length) {
      const client = await this.wecom.client(tenantId);
      for (const w of changed) await client.tags.edit({ id: w.tag.corpTagId!, order: w.order });
      await this.refresher.refresh(tenantId, async () => undefined);
    } else {
      await this.db.transaction(async (m) => {
        for (const w of changed) await m.update(Tag, { tenantId, id: w.tag.id }, { order: w.order });
      });
      await this.writer.announceCatalogue(tenantId);
    }
    return this.read.group(tenantId, caller, groupId);
  }

  private async live(tenantId: string, caller: TagCaller, id: string): Promise<Tag> {
    const tag = await this.read.tag(tenantId, caller, id);
    if (tag.deleted) throw tagNotFound();
    return tag;
  }

  private async checkNameFree(tenantId: string, groupId: string, name: string, except?: string): Promise<void> {
    const where = { tenantId, groupId, name, deleted: false, ...(except ? { id: Not(except) } : {}) };
    if (await this.db.manager.exists(Tag, { where })) throw nameTaken('Tag', name);
  }
}

async function saveOwn(m: EntityManager, tenantId: string, id: string, fields: Partial<Tag>): Promise<void> {
  if (Object.keys(fields).length) await m.update(Tag, { tenantId, id }, fields);
}

function fieldErrorAt(i: number, id: string) {
  return fieldError(`ids.${i}`, `no live tag ${id} in this group`);
}
