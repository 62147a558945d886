import { collectPages } from '../collect-pages';
import { WeComHttp } from '../wecom-http';

export interface GroupChatListRequest {
  status_filter?: number;
  owner_filter?: { userid_list: string[] };
  cursor?: string;
  /** 1..1000. */
  limit: number;
}

export interface GroupChatMember {
  userid: string;
  /** 1 member, 2 external. */
  type: 1 | 2;
  join_time: number;
  join_scene: number;
  invitor?: { userid: string };
  name?: string;
  unionid?: string;
  group_nickname?: string;
}

export interface GroupChat {
  chat_id: string;
  name: string;
  owner: string;
  create_time: number;
  notice?: string;
  member_list: GroupChatMember[];
  admin_list?: Array<{ userid: string }>;
  /** Compare with LastMemVer/CurMemVer from change_external_chat. */
  member_version?: string;
}

/** Customer group chats: externalcontact/groupchat/*. */
export class GroupChatsApi {
  constructor(private readonly http: WeComHttp) {}

  list(req: GroupChatListRequest): Promise<{ group_chat_list: Array<{ chat_id: string; status: number }>; next_cursor?: string }> {
    return this.http.request('externalcontact/groupchat/list', { method: 'POST', body: req });
  }

  /** Every page of groupchat/list. */
  listAll(req: Omit<GroupChatListRequest, 'cursor'>): Promise<Array<{ chat_id: string; status: number }>> {
    return collectPages(async (cursor) => {
      const page = await this.list({ ...req, cursor });
      return { items: page.group_chat_list ?? [], nextCursor: page.next_cursor };
    });
  }

  async get(chatId: string, needName = false): Promise<GroupChat> {
    const res = await this.http.request<{ group_chat: GroupChat }>('externalcontact/groupchat/get', {
      method: 'POST',
      body: { chat_id: chatId, need_name: needName ? 1 : 0 },
    });
    return res.group_chat;
  }
}
