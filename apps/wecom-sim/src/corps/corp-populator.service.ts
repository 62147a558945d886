import { BadRequestException, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CorpState } from '../state/corp-state';
import { GroupChat } from '../state/entities/group-chat';
import { newChatId, newExternalUserId, newTagId, randomAlnum } from '../state/ids';
import { SimClock } from '../state/sim-clock';
import { CustomerDto } from './dto/customer.dto';
import { GroupChatDto } from './dto/group-chat.dto';
import { DepartmentDto, MemberDto } from './dto/member.dto';
import { TagGroupDto } from './dto/tag-group.dto';

export function newMemberVersion(): string {
  return randomBytes(16).toString('hex');
}

export function avatarUrl(): string {
  return `http://wx.qlogo.cn/mmhead/${randomAlnum(40)}/0`;
}

/** Puts directory data into a corp as if it had been there all along: no callbacks. */
@Injectable()
export class CorpPopulator {
  constructor(private readonly clock: SimClock) {}

  departments(corp: CorpState, list: DepartmentDto[]): void {
    for (const d of list) corp.departments.set(d.id, { id: d.id, name: d.name, parentid: d.parentid ?? 1 });
  }

  /** Adds or replaces members. */
  members(corp: CorpState, list: MemberDto[]): string[] {
    for (const m of list) {
      corp.members.set(m.userid, {
        userid: m.userid,
        name: m.name ?? m.userid,
        department: m.department ?? [1],
        position: m.position ?? '',
        status: m.status ?? 1,
        followUser: m.followUser ?? true,
      });
    }
    return list.map((m) => m.userid);
  }

  /** Tag groups made in the admin console. */
  tagGroups(corp: CorpState, list: TagGroupDto[]) {
    const now = this.clock.nowSec();
    return list.map((g) => {
      const existing = [...corp.tagGroups.values()].find((x) => x.group_name === g.groupName);
      const group = existing ?? { group_id: g.groupId ?? newTagId(), group_name: g.groupName, create_time: now, order: g.order ?? 0, createdBy: 'console' as const };
      corp.tagGroups.set(group.group_id, group);
      const tags = g.tags.map((t) => {
        const tag = { id: t.id ?? newTagId(), group_id: group.group_id, name: t.name, create_time: now, order: t.order ?? 0, createdBy: 'console' as const };
        corp.tags.set(tag.id, tag);
        return { id: tag.id, name: tag.name };
      });
      return { groupId: group.group_id, groupName: group.group_name, tags };
    });
  }

  customers(corp: CorpState, list: CustomerDto[]): string[] {
    const now = this.clock.nowSec();
    return list.map((c) => {
      const id = c.externalUserId ?? newExternalUserId();
      corp.customers.set(id, {
        external_userid: id,
        name: c.name ?? id,
        avatar: avatarUrl(),
        type: c.type ?? 1,
        gender: c.gender ?? 0,
        unionid: c.unionid,
        position: c.position,
        corp_name: c.corpName,
        corp_full_name: c.corpName,
      });
      for (const f of c.followUsers ?? []) {
        if (!corp.members.has(f.userid)) throw new BadRequestException(`customer ${id}: no member ${f.userid}`);
        for (const t of f.tagIds ?? []) if (!corp.tags.has(t)) throw new BadRequestException(`customer ${id}: no tag ${t}`);
        corp.relationships.set({
          userid: f.userid,
          external_userid: id,
          remark: f.remark ?? '',
          description: f.description ?? '',
          createtime: f.createtime ?? now,
          tagIds: new Set(f.tagIds ?? []),
          remark_mobiles: [],
          oper_userid: f.userid,
          add_way: f.addWay ?? 1,
          state: f.state,
        });
      }
      return id;
    });
  }

  groupChats(corp: CorpState, list: GroupChatDto[]): string[] {
    const now = this.clock.nowSec();
    return list.map((g) => {
      if (!corp.members.has(g.owner)) throw new BadRequestException(`group chat owner ${g.owner} is not a member`);
      const members = g.members ?? [];
      if (!members.some((m) => m.id === g.owner)) members.unshift({ id: g.owner, type: 1 });
      const chat: GroupChat = {
        chat_id: g.chatId ?? newChatId(),
        name: g.name,
        owner: g.owner,
        create_time: now,
        notice: g.notice ?? '',
        members: members.map((m) => ({
          userid: m.id,
          type: m.type,
          join_time: now,
          join_scene: m.joinScene ?? 1,
          ...(m.id !== g.owner ? { invitor: { userid: g.owner } } : {}),
          name: (m.type === 1 ? corp.members.get(m.id)?.name : corp.customers.get(m.id)?.name) ?? m.id,
        })),
        admin_list: [],
        status: 0,
        member_version: newMemberVersion(),
        dismissed: false,
      };
      corp.groupChats.set(chat.chat_id, chat);
      return chat.chat_id;
    });
  }
}
