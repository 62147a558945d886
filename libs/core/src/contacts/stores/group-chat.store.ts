import type { GroupChat as WeComGroupChat } from '@scrm/wechat-work-sdk';
import { EntityManager } from 'typeorm';
import { wecomTime } from '../rules/wecom-time';

/** Member id → type (1 staff, 2 customer), before and after the write. */
export interface ChatMembersChange {
  before: Map<string, number>;
  after: Map<string, number>;
  dismissed: boolean;
}

/**
 * Writes a chat and its member list as groupchat/get returned them, under the chat's row lock.
 * A dismissed chat stays dismissed (WeCom's details can lag a dismiss by ~2 s). Answers the member ids
 * before and after, so callers can tell who joined and who left.
 */
export async function writeGroupChat(m: EntityManager, tenantId: string, chat: WeComGroupChat): Promise<ChatMembersChange> {
  const details = [chat.name ?? '', chat.owner ?? '', chat.notice ?? '', wecomTime(chat.create_time), chat.member_version ?? null, chat.member_list.length];
  await m.query(
    `INSERT INTO group_chats (tenant_id, chat_id, name, owner, notice, wecom_created_at, member_version, member_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, chat_id) DO NOTHING`,
    [tenantId, chat.chat_id, ...details],
  );
  const [row] = (await m.query(`SELECT status FROM group_chats WHERE tenant_id = $1 AND chat_id = $2 FOR UPDATE`, [tenantId, chat.chat_id])) as Array<{ status: string }>;
  const before = await memberTypes(m, tenantId, chat.chat_id);
  if (row.status === 'dismissed') return { before, after: before, dismissed: true };
  await m.query(
    `UPDATE group_chats SET name = $3, owner = $4, notice = $5, wecom_created_at = $6, member_version = $7, member_count = $8, updated_at = now()
     WHERE tenant_id = $1 AND chat_id = $2`,
    [tenantId, chat.chat_id, ...details],
  );
  const members = chat.member_list.map((mb) => [mb.userid, mb.type, wecomTime(mb.join_time), mb.join_scene ?? null, mb.invitor?.userid ?? null, mb.name ?? null]);
  await m.query(
    `DELETE FROM group_chat_members WHERE tenant_id = $1 AND chat_id = $2 AND NOT (member_id = ANY($3::varchar[]))`,
    [tenantId, chat.chat_id, members.map((x) => x[0])],
  );
  await m.query(
    `INSERT INTO group_chat_members (tenant_id, chat_id, member_id, type, joined_at, join_scene, invitor, name)
     SELECT $1, $2, x->>0, (x->>1)::smallint, (x->>2)::timestamptz, (x->>3)::smallint, x->>4, x->>5 FROM jsonb_array_elements($3::jsonb) AS x
     ON CONFLICT (tenant_id, chat_id, member_id) DO UPDATE SET type = EXCLUDED.type, joined_at = EXCLUDED.joined_at,
       join_scene = EXCLUDED.join_scene, invitor = EXCLUDED.invitor, name = COALESCE(EXCLUDED.name, group_chat_members.name), updated_at = now()`,
    [tenantId, chat.chat_id, JSON.stringify(members)],
  );
  return { before, after: new Map(chat.member_list.map((mb) => [mb.userid, mb.type])), dismissed: false };
}

/** Takes the chat's row lock for the rest of the transaction (inserting a bare row when the chat is new). */
export async function lockGroupChat(m: EntityManager, tenantId: string, chatId: string): Promise<void> {
  await m.query(`INSERT INTO group_chats (tenant_id, chat_id) VALUES ($1, $2) ON CONFLICT (tenant_id, chat_id) DO NOTHING`, [tenantId, chatId]);
  await m.query(`SELECT 1 FROM group_chats WHERE tenant_id = $1 AND chat_id = $2 FOR UPDATE`, [tenantId, chatId]);
}

/** Dismissal is final; the last known members are kept for history. Answers false when it already was. */
export async function markGroupChatDismissed(m: EntityManager, tenantId: string, chatId: string): Promise<boolean> {
  await lockGroupChat(m, tenantId, chatId);
  const [rows] = (await m.query(
    `UPDATE group_chats SET status = 'dismissed', updated_at = now() WHERE tenant_id = $1 AND chat_id = $2 AND status <> 'dismissed' RETURNING id`,
    [tenantId, chatId],
  )) as [unknown[], number];
  return rows.length > 0;
}

async function memberTypes(m: EntityManager, tenantId: string, chatId: string): Promise<Map<string, number>> {
  const rows = (await m.query(`SELECT member_id, type FROM group_chat_members WHERE tenant_id = $1 AND chat_id = $2`, [tenantId, chatId])) as Array<{
    member_id: string;
    type: number;
  }>;
  return new Map(rows.map((r) => [r.member_id, Number(r.type)]));
}
