import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource } from 'typeorm';

/** Our tags on group chats (WeCom has none): what group SOPs select by. Setting replaces the chat's whole set. */
@Injectable()
export class GroupChatTagsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async set(tenantId: string, chatId: string, tagIds: string[]): Promise<string[]> {
    await this.assertChat(tenantId, chatId);
    const unique = [...new Set(tagIds)];
    const known = new Set(
      ((await this.db.query(`SELECT id FROM tags WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND NOT deleted`, [tenantId, unique])) as { id: string }[]).map((r) => r.id),
    );
    tagIds.forEach((t, i) => {
      if (!known.has(t)) throw fieldError(`tagIds.${i}`, `unknown tag: ${t}`);
    });
    await this.db.transaction(async (m) => {
      await m.query(`DELETE FROM group_chat_tags WHERE tenant_id = $1 AND chat_id = $2 AND NOT (tag_id = ANY($3::uuid[]))`, [tenantId, chatId, unique]);
      await m.query(
        `INSERT INTO group_chat_tags (tenant_id, chat_id, tag_id) SELECT $1, $2, t FROM unnest($3::uuid[]) AS x(t) ON CONFLICT DO NOTHING`,
        [tenantId, chatId, unique],
      );
    });
    return this.get(tenantId, chatId);
  }

  async get(tenantId: string, chatId: string): Promise<string[]> {
    await this.assertChat(tenantId, chatId);
    const rows = (await this.db.query(`SELECT tag_id FROM group_chat_tags WHERE tenant_id = $1 AND chat_id = $2 ORDER BY tag_id`, [tenantId, chatId])) as { tag_id: string }[];
    return rows.map((r) => r.tag_id);
  }

  private async assertChat(tenantId: string, chatId: string): Promise<void> {
    const rows = await this.db.query(`SELECT 1 FROM group_chats WHERE tenant_id = $1 AND chat_id = $2`, [tenantId, chatId]);
    if (rows.length === 0) throw new NotFoundException('Group chat not found');
  }
}
