import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Tag, TagGroup, TagOwner } from '../../state/entities/tag';
import { newTagId } from '../../state/ids';
import { SimClock } from '../../state/sim-clock';
import { Body, num, obj, str, strList } from '../shared/body';
import { charLength } from '../shared/char-length';
import { fail } from '../shared/wecom-error';

export const MAX_TAG_NAME_CHARS = 30;
export const MAX_CORP_TAGS = 10_000;

/**
 * Corp tags. The app may only edit or delete what it created; tags made in the admin console (scenarios
 * and seed) answer 48002 "api forbidden" — the page names the rule but not its errcode, 48002 is our pick.
 */
@Injectable()
export class CorpTagService {
  constructor(private readonly clock: SimClock) {}

  /** Both filters empty = everything; tag_id wins over group_id; higher order first. */
  list(corp: CorpState, body: Body) {
    const tagIds = strList(body.tag_id) ?? [];
    const groupIds = strList(body.group_id) ?? [];
    const out: ReturnType<typeof groupWire>[] = [];
    for (const g of [...corp.tagGroups.values()].sort((a, b) => b.order - a.order)) {
      let tags = this.tagsOf(corp, g.group_id);
      if (tagIds.length) {
        tags = tags.filter((t) => tagIds.includes(t.id));
        if (!tags.length) continue;
      } else if (groupIds.length && !groupIds.includes(g.group_id)) continue;
      out.push(groupWire(g, tags));
    }
    return { tag_group: out };
  }

  /** group_id adds into that group; an existing group_name adds into it; otherwise a new group. */
  add(corp: CorpState, body: Body, owner: TagOwner = 'app') {
    const rawTags = Array.isArray(body.tag) ? body.tag.map((t) => obj(t) ?? {}) : [];
    if (rawTags.length === 0) fail(40058, 'tag must not be empty: WeCom has no empty groups');
    if (corp.tags.size + rawTags.length > MAX_CORP_TAGS) fail(40058, 'corp tag limit 10000 reached');
    let group = this.targetGroup(corp, body);
    this.checkNewNames(corp, group?.group_id, rawTags);
    if (!group) {
      group = { group_id: newTagId(), group_name: String(body.group_name), create_time: this.clock.nowSec(), order: num(body.order) ?? 0, createdBy: owner };
      corp.tagGroups.set(group.group_id, group);
    }
    return { tag_group: groupWire(group, this.createTags(corp, group, rawTags, owner)) };
  }

  /** id may be a tag or a group. Duplicate names answer 40071. */
  edit(corp: CorpState, body: Body, owner: TagOwner = 'app') {
    const id = str(body.id);
    if (!id) fail(40058, 'id required');
    const name = body.name === undefined ? undefined : str(body.name);
    if (name !== undefined) checkName(name);
    const order = num(body.order);
    const tag = corp.tags.get(id);
    const group = corp.tagGroups.get(id);
    if (tag) {
      if (owner === 'app' && tag.createdBy !== 'app') fail(48002, 'tag was not created by this app');
      if (name !== undefined && this.tagsOf(corp, tag.group_id).some((t) => t.id !== id && t.name === name)) fail(40071);
      if (name !== undefined) tag.name = name;
      if (order !== undefined) tag.order = order;
    } else if (group) {
      if (owner === 'app' && group.createdBy !== 'app') fail(48002, 'tag group was not created by this app');
      if (name !== undefined && [...corp.tagGroups.values()].some((g) => g.group_id !== id && g.group_name === name)) fail(40071);
      if (name !== undefined) group.group_name = name;
      if (order !== undefined) group.order = order;
    } else {
      fail(40068, `id ${id}`);
    }
    return {};
  }

  /** All ids are checked before anything is deleted; a group left empty goes too. */
  del(corp: CorpState, body: Body, owner: TagOwner = 'app') {
    const tagIds = strList(body.tag_id) ?? [];
    const groupIds = strList(body.group_id) ?? [];
    if (!tagIds.length && !groupIds.length) fail(40058, 'tag_id and group_id cannot both be empty');
    for (const id of tagIds) {
      const tag = corp.tags.get(id);
      if (!tag) fail(40068, `tag_id ${id}`);
      if (owner === 'app' && tag.createdBy !== 'app') fail(48002, 'tag was not created by this app');
    }
    for (const id of groupIds) {
      const group = corp.tagGroups.get(id);
      if (!group) fail(40068, `group_id ${id}`);
      if (owner === 'app' && group.createdBy !== 'app') fail(48002, 'tag group was not created by this app');
    }
    for (const id of groupIds) this.deleteGroup(corp, id);
    for (const id of tagIds) {
      const tag = corp.tags.get(id);
      if (!tag) continue;
      this.deleteTag(corp, id);
      if (this.tagsOf(corp, tag.group_id).length === 0) corp.tagGroups.delete(tag.group_id);
    }
    return {};
  }

  /** Tags live on the (member, customer) relationship. */
  mark(corp: CorpState, body: Body) {
    const userid = str(body.userid);
    const ext = str(body.external_userid);
    const add = strList(body.add_tag) ?? [];
    const remove = strList(body.remove_tag) ?? [];
    if (!userid || !corp.members.has(userid)) fail(60111, `userid ${userid ?? ''}`);
    if (!ext || !corp.customers.has(ext)) fail(40096);
    if (!add.length && !remove.length) fail(40058, 'add_tag and remove_tag cannot both be empty');
    for (const id of [...add, ...remove]) if (!corp.tags.has(id)) fail(40068, `tag ${id}`);
    const rel = corp.relationships.get(userid, ext);
    if (!rel) fail(84061);
    for (const id of add) rel.tagIds.add(id);
    for (const id of remove) rel.tagIds.delete(id);
    return {};
  }

  tagsOf(corp: CorpState, groupId: string): Tag[] {
    return [...corp.tags.values()].filter((t) => t.group_id === groupId).sort((a, b) => b.order - a.order);
  }

  deleteGroup(corp: CorpState, groupId: string): void {
    for (const t of this.tagsOf(corp, groupId)) this.deleteTag(corp, t.id);
    corp.tagGroups.delete(groupId);
  }

  private deleteTag(corp: CorpState, id: string): void {
    corp.tags.delete(id);
    corp.relationships.forgetTag(id);
  }

  /** The group named by group_id (40068 if unknown) or by an existing group_name; undefined = make a new one. */
  private targetGroup(corp: CorpState, body: Body): TagGroup | undefined {
    const groupId = str(body.group_id);
    if (groupId) {
      const group = corp.tagGroups.get(groupId);
      if (!group) fail(40068, `group_id ${groupId}`);
      return group;
    }
    const groupName = str(body.group_name);
    if (!groupName) fail(40058, 'group_id or group_name required');
    checkName(groupName);
    return [...corp.tagGroups.values()].find((g) => g.group_name === groupName);
  }

  /** Names unique within the group and within the request (40071). */
  private checkNewNames(corp: CorpState, groupId: string | undefined, raw: Body[]): void {
    const taken = new Set(groupId ? this.tagsOf(corp, groupId).map((t) => t.name) : []);
    for (const t of raw) {
      const name = str(t.name);
      if (!name) fail(40058, 'tag name required');
      checkName(name);
      if (taken.has(name)) fail(40071, name);
      taken.add(name);
    }
  }

  private createTags(corp: CorpState, group: TagGroup, raw: Body[], owner: TagOwner): Tag[] {
    return raw.map((t) => {
      const tag: Tag = { id: newTagId(), group_id: group.group_id, name: String(t.name), create_time: this.clock.nowSec(), order: num(t.order) ?? 0, createdBy: owner };
      corp.tags.set(tag.id, tag);
      return tag;
    });
  }
}

function checkName(name: string): void {
  if (name === '' || charLength(name) > MAX_TAG_NAME_CHARS) fail(40058, `name must be 1..${MAX_TAG_NAME_CHARS} characters`);
}

export function groupWire(g: TagGroup, tags: Tag[]) {
  return {
    group_id: g.group_id,
    group_name: g.group_name,
    create_time: g.create_time,
    order: g.order,
    tag: tags.map((t) => ({ id: t.id, name: t.name, create_time: t.create_time, order: t.order })),
  };
}
