import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Deliverer } from '../callbacks/deliverer.service';
import { tagEventXml } from '../callbacks/events';
import { CorpTagService } from '../cgi-bin/corp-tag/corp-tag.service';
import { WecomError } from '../cgi-bin/shared/wecom-error';
import { CorpStore } from '../state/corp-store';
import { SimClock } from '../state/sim-clock';
import { ConsoleTagCreateDto, ConsoleTagUpdateDto } from './dto/console-tag.dto';

/** Tags changed by an admin in the console (owner "console": the app cannot edit them), with change_external_tag. */
@Injectable()
export class TagScenarios {
  constructor(
    private readonly store: CorpStore,
    private readonly clock: SimClock,
    private readonly deliverer: Deliverer,
    private readonly tags: CorpTagService,
  ) {}

  /** A new group sends one tag_group create; tags added to an existing group send one tag create each. */
  async create(corpId: string, dto: ConsoleTagCreateDto, wait: boolean) {
    const corp = this.store.get(corpId);
    const existed = new Set(corp.tagGroups.keys());
    const { tag_group } = wecomRules(() =>
      this.tags.add(corp, { group_id: dto.groupId, group_name: dto.groupName, order: dto.order, tag: dto.tags }, 'console'),
    );
    const now = this.clock.nowSec();
    const events = existed.has(tag_group.group_id)
      ? tag_group.tag.map((t) => tagEventXml(corp.corpId, now, 'create', t.id, 'tag'))
      : [tagEventXml(corp.corpId, now, 'create', tag_group.group_id, 'tag_group')];
    const deliveries = [];
    for (const xml of events) deliveries.push(await this.deliverer.emit(corp, xml, wait));
    return { tag_group, deliveries };
  }

  async update(corpId: string, id: string, dto: ConsoleTagUpdateDto, wait: boolean) {
    const corp = this.store.get(corpId);
    const tagType = this.typeOf(corpId, id);
    wecomRules(() => this.tags.edit(corp, { id, name: dto.name, order: dto.order }, 'console'));
    return this.deliverer.emit(corp, tagEventXml(corp.corpId, this.clock.nowSec(), 'update', id, tagType), wait);
  }

  /** Deleting a group sends one event for the group, none for its tags. */
  async delete(corpId: string, id: string, wait: boolean) {
    const corp = this.store.get(corpId);
    const tagType = this.typeOf(corpId, id);
    wecomRules(() => this.tags.del(corp, tagType === 'tag' ? { tag_id: [id] } : { group_id: [id] }, 'console'));
    return this.deliverer.emit(corp, tagEventXml(corp.corpId, this.clock.nowSec(), 'delete', id, tagType), wait);
  }

  /** Reorder: shuffle with the group's id, or an empty Id when all groups were reordered. */
  async shuffle(corpId: string, groupId: string | undefined, wait: boolean) {
    const corp = this.store.get(corpId);
    if (groupId && !corp.tagGroups.has(groupId)) throw new NotFoundException(`no tag group ${groupId}`);
    return this.deliverer.emit(corp, tagEventXml(corp.corpId, this.clock.nowSec(), 'shuffle', groupId ?? ''), wait);
  }

  private typeOf(corpId: string, id: string): 'tag' | 'tag_group' {
    const corp = this.store.get(corpId);
    if (corp.tags.has(id)) return 'tag';
    if (corp.tagGroups.has(id)) return 'tag_group';
    throw new NotFoundException(`no tag or tag group ${id}`);
  }
}

/** The console obeys the same naming rules as the API; report a broken one as a 400. */
function wecomRules<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof WecomError) throw new BadRequestException(`WeCom would refuse this (errcode ${e.errcode}${e.detail ? `: ${e.detail}` : ''})`);
    throw e;
  }
}
