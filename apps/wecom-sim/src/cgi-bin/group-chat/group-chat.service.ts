import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { GroupChat } from '../../state/entities/group-chat';
import { bool, Body, num, obj, str, strList } from '../shared/body';
import { page } from '../shared/cursor';
import { fail } from '../shared/wecom-error';

@Injectable()
export class GroupChatService {
  /** status_filter 0 = every live chat; 1..3 = the owner-left / transfer states. Dismissed chats are gone. */
  list(corp: CorpState, body: Body) {
    const limit = num(body.limit);
    if (limit === undefined || limit < 1 || limit > 1000) fail(40058, 'limit must be 1..1000', { group_chat_list: [] });
    const status = num(body.status_filter) ?? 0;
    const owners = strList(obj(body.owner_filter)?.userid_list) ?? [];
    const chats = [...corp.groupChats.values()].filter(
      (c) => !c.dismissed && (status === 0 || c.status === status) && (owners.length === 0 || owners.includes(c.owner)),
    );
    const { items, next_cursor } = page(chats, body.cursor, limit);
    return { group_chat_list: items.map((c) => ({ chat_id: c.chat_id, status: c.status })), next_cursor };
  }

  /** Unknown or dismissed chat: 40050 (our pick; the page does not name the code). */
  get(corp: CorpState, body: Body) {
    const chat = this.find(corp, body.chat_id);
    const needName = bool(body.need_name, false);
    return {
      group_chat: {
        chat_id: chat.chat_id,
        name: chat.name,
        owner: chat.owner,
        create_time: chat.create_time,
        notice: chat.notice,
        member_list: chat.members.map((m) => ({
          userid: m.userid,
          type: m.type,
          join_time: m.join_time,
          join_scene: m.join_scene,
          ...(m.invitor ? { invitor: m.invitor } : {}),
          group_nickname: '',
          ...(needName ? { name: m.name } : {}),
        })),
        admin_list: chat.admin_list,
        member_version: chat.member_version,
      },
    };
  }

  find(corp: CorpState, chatId: unknown): GroupChat {
    const chat = corp.groupChats.get(str(chatId) ?? '');
    if (!chat || chat.dismissed) fail(40050);
    return chat;
  }
}
