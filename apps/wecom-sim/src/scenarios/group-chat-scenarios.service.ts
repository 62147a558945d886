import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Deliverer } from '../callbacks/deliverer.service';
import { chatEventXml, ChatUpdate } from '../callbacks/events';
import { CorpPopulator, newMemberVersion } from '../corps/corp-populator.service';
import { GroupChatDto } from '../corps/dto/group-chat.dto';
import { CorpState } from '../state/corp-state';
import { CorpStore } from '../state/corp-store';
import { GroupChat } from '../state/entities/group-chat';
import { SimClock } from '../state/sim-clock';
import { ChatNoticeDto, ChatOwnerDto, JoinChatDto, LeaveChatDto, RenameChatDto } from './dto/group-chat-change.dto';

/** Customer group chats changing in the WeCom app, each followed by change_external_chat. */
@Injectable()
export class GroupChatScenarios {
  constructor(
    private readonly store: CorpStore,
    private readonly clock: SimClock,
    private readonly deliverer: Deliverer,
    private readonly populate: CorpPopulator,
  ) {}

  async create(corpId: string, dto: GroupChatDto, wait: boolean) {
    const corp = this.store.get(corpId);
    if (dto.chatId && corp.groupChats.has(dto.chatId)) throw new BadRequestException(`chat ${dto.chatId} exists`);
    const [chatId] = this.populate.groupChats(corp, [dto]);
    return { chatId, ...(await this.emit(corp, chatId, 'create', undefined, wait)) };
  }

  async rename(corpId: string, chatId: string, dto: RenameChatDto, wait: boolean) {
    const { corp, chat } = this.chat(corpId, chatId);
    chat.name = dto.name;
    return this.emit(corp, chatId, 'update', { updateDetail: 'change_name' }, wait);
  }

  async changeNotice(corpId: string, chatId: string, dto: ChatNoticeDto, wait: boolean) {
    const { corp, chat } = this.chat(corpId, chatId);
    chat.notice = dto.notice;
    return this.emit(corp, chatId, 'update', { updateDetail: 'change_notice' }, wait);
  }

  async changeOwner(corpId: string, chatId: string, dto: ChatOwnerDto, wait: boolean) {
    const { corp, chat } = this.chat(corpId, chatId);
    if (!corp.members.has(dto.owner)) throw new BadRequestException(`${dto.owner} is not a member`);
    chat.owner = dto.owner;
    if (!chat.members.some((m) => m.userid === dto.owner)) {
      chat.members.push({ userid: dto.owner, type: 1, join_time: this.clock.nowSec(), join_scene: 1, name: corp.members.get(dto.owner)!.name });
    }
    return this.emit(corp, chatId, 'update', { updateDetail: 'change_owner' }, wait);
  }

  /** Members join: add_member with JoinScene, the ids, and the member versions before and after. */
  async join(corpId: string, chatId: string, dto: JoinChatDto, wait: boolean) {
    const { corp, chat } = this.chat(corpId, chatId);
    const now = this.clock.nowSec();
    const joining = dto.members.filter((m) => !chat.members.some((x) => x.userid === m.id));
    for (const m of joining) {
      const name = m.type === 1 ? corp.members.get(m.id)?.name : corp.customers.get(m.id)?.name;
      chat.members.push({ userid: m.id, type: m.type, join_time: now, join_scene: m.joinScene ?? (dto.joinScene === 3 ? 3 : 1), invitor: { userid: chat.owner }, name: name ?? m.id });
    }
    const versions = this.bumpVersion(chat);
    return this.emit(corp, chatId, 'update', { updateDetail: 'add_member', joinScene: dto.joinScene ?? 0, memChangeList: joining.map((m) => m.id), ...versions }, wait);
  }

  async leave(corpId: string, chatId: string, dto: LeaveChatDto, wait: boolean) {
    const { corp, chat } = this.chat(corpId, chatId);
    const leaving = dto.ids.filter((id) => chat.members.some((m) => m.userid === id));
    chat.members = chat.members.filter((m) => !leaving.includes(m.userid));
    const versions = this.bumpVersion(chat);
    return this.emit(corp, chatId, 'update', { updateDetail: 'del_member', quitScene: dto.quitScene ?? 0, memChangeList: leaving, ...versions }, wait);
  }

  /** After a dismiss groupchat/get answers 40050. */
  async dismiss(corpId: string, chatId: string, wait: boolean) {
    const { corp, chat } = this.chat(corpId, chatId);
    chat.dismissed = true;
    return this.emit(corp, chatId, 'dismiss', undefined, wait);
  }

  private bumpVersion(chat: GroupChat): { lastMemVer: string; curMemVer: string } {
    const lastMemVer = chat.member_version;
    chat.member_version = newMemberVersion();
    return { lastMemVer, curMemVer: chat.member_version };
  }

  private chat(corpId: string, chatId: string): { corp: CorpState; chat: GroupChat } {
    const corp = this.store.get(corpId);
    const chat = corp.groupChats.get(chatId);
    if (!chat || chat.dismissed) throw new NotFoundException(`no live group chat ${chatId}`);
    return { corp, chat };
  }

  private emit(corp: CorpState, chatId: string, change: 'create' | 'update' | 'dismiss', u: ChatUpdate | undefined, wait: boolean) {
    return this.deliverer.emit(corp, chatEventXml(corp.corpId, this.clock.nowSec(), chatId, change, u), wait);
  }
}
