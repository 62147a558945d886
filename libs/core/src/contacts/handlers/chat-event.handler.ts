import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ChatUpdateEvent, eventDedupeKey, ExternalChatEvent, GroupChat, isWeComApiError } from '@scrm/wechat-work-sdk';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent, GroupChangedPayload, GroupMembersChangedPayload } from '../../events/domain-events';
import { InboxEventMeta } from '../../inbox/wecom-event-handler';
import { TenantWeCom } from '../../wecom/tenant-wecom.service';
import { ChatMembersChange, lockGroupChat, markGroupChatDismissed, writeGroupChat } from '../stores/group-chat.store';
import { PendingEvents } from '../stores/pending-events';
import { writeTimeline } from '../stores/timeline.store';
import { eventTime } from './wecom-details';

// groupchat/get on an unknown or dismissed chat.
const CHAT_GONE = 40050;
const EXTERNAL = 2;

/** What one chat event's writes share: the transaction, where domain events collect, and their common fields. */
interface ChatChange {
  m: EntityManager;
  tenantId: string;
  pending: PendingEvents;
  base: { tenantId: string; chatId: string; at: Date; inboxId: string };
  timeline: { chatId: string; occurredAt: Date; dedupeKey: string; inboxId: string };
}

/**
 * change_external_chat. Every event re-reads the chat (groupchat/get) and stores what WeCom says now,
 * so missed, repeated or reordered member events still end in WeCom's member list.
 */
@Injectable()
export class ChatEventHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly emitter: EventEmitter2,
  ) {}

  async handle(tenantId: string, event: ExternalChatEvent, meta: InboxEventMeta): Promise<'done' | 'skipped'> {
    const at = eventTime(event.createTime);
    const base = { tenantId, chatId: event.chatId, at, inboxId: meta.inboxId };
    const timeline = { chatId: event.chatId, occurredAt: at, dedupeKey: eventDedupeKey(event), inboxId: meta.inboxId };
    const pending = new PendingEvents();
    await this.db.transaction(async (m) => {
      // Events of one chat take turns from before the read: a read that finished later must not be
      // overwritten by an older read that committed after it.
      await lockGroupChat(m, tenantId, event.chatId);
      const chat = event.kind === 'chat_dismiss' ? null : await this.fetch(tenantId, event.chatId);
      if (!chat) {
        // A dismiss, or an older event for a chat WeCom no longer has: either way it is gone. Only the
        // dismiss itself (or the first sign of it) is announced.
        const newly = await markGroupChatDismissed(m, tenantId, event.chatId);
        if (event.kind !== 'chat_dismiss' && !newly) return;
        await writeTimeline(m, tenantId, { ...timeline, type: DomainEvent.GroupDismissed });
        pending.add(DomainEvent.GroupDismissed, { ...base, change: 'dismiss' } satisfies GroupChangedPayload);
        return;
      }
      const members = await writeGroupChat(m, tenantId, chat);
      if (members.dismissed) return; // WeCom's details lag a dismiss we already have: nothing to announce
      if (event.kind === 'chat_create') {
        await writeTimeline(m, tenantId, { ...timeline, type: DomainEvent.GroupCreated, data: { name: chat.name, owner: chat.owner } });
        pending.add(DomainEvent.GroupCreated, { ...base, change: 'create' } satisfies GroupChangedPayload);
      } else if (event.kind === 'chat_update') {
        await this.update({ m, tenantId, pending, base, timeline }, event, chat, members);
      }
    });
    await pending.emit(this.emitter);
    return 'done';
  }

  private async update(ctx: ChatChange, event: ChatUpdateEvent, chat: GroupChat, members: ChatMembersChange): Promise<void> {
    const { m, tenantId, pending, base, timeline } = ctx;
    const detail = event.updateDetail;
    if (detail !== 'add_member' && detail !== 'del_member') {
      const data = { detail, name: chat.name, owner: chat.owner, notice: chat.notice ?? '' };
      await writeTimeline(m, tenantId, { ...timeline, type: DomainEvent.GroupUpdated, data });
      pending.add(DomainEvent.GroupUpdated, { ...base, change: detail } satisfies GroupChangedPayload);
      return;
    }
    const joined = detail === 'add_member';
    // MemChangeList names who changed; without it, the difference between our list and WeCom's does.
    const ids = event.memChangeList.length
      ? event.memChangeList
      : joined
        ? [...members.after.keys()].filter((id) => !members.before.has(id))
        : [...members.before.keys()].filter((id) => !members.after.has(id));
    const type = joined ? DomainEvent.GroupMemberJoined : DomainEvent.GroupMemberLeft;
    const scene = (joined ? event.joinScene : event.quitScene) ?? null;
    for (const id of ids) {
      const memberType = members.after.get(id) ?? members.before.get(id);
      if (memberType !== EXTERNAL) continue; // the timeline is the customer's; staff changes show in the chat row
      await writeTimeline(m, tenantId, { ...timeline, type, externalUserId: id, dedupeKey: `${timeline.dedupeKey}|${id}`, data: { scene } });
    }
    pending.add(type, { ...base, memberIds: ids, scene } satisfies GroupMembersChangedPayload);
  }

  private async fetch(tenantId: string, chatId: string): Promise<GroupChat | null> {
    try {
      return await (await this.wecom.client(tenantId)).groupChats.get(chatId, true);
    } catch (err) {
      if (isWeComApiError(err) && err.errcode === CHAT_GONE) return null;
      throw err;
    }
  }
}
