import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface CustomerFilter extends PageQuery {
  /** Customers with this tag on any of their relationships. */
  tagId?: string;
  /** Customers with an active relationship with this member. */
  userId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** How many timeline entries a customer's detail shows. */
const RECENT_TIMELINE = 50;

/** Reads of the contact mirror for the admin API (T: the caller's view of the rows). Every query is scoped by tenant_id. */
@Injectable()
export class ContactsReadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async customers<T>(tenantId: string, f: CustomerFilter): Promise<Page<T>> {
    const params: unknown[] = [tenantId];
    const where = ['c.tenant_id = $1'];
    if (f.userId) {
      params.push(f.userId);
      where.push(`EXISTS (SELECT 1 FROM relationships r WHERE r.tenant_id = c.tenant_id AND r.external_user_id = c.external_user_id
                   AND r.user_id = $${params.length} AND r.status = 'active')`);
    }
    if (f.tagId) {
      params.push(f.tagId);
      where.push(`EXISTS (SELECT 1 FROM relationship_tags t WHERE t.tenant_id = c.tenant_id AND t.external_user_id = c.external_user_id
                   AND t.tag_id = $${params.length})`);
    }
    const sql = `FROM customers c WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${sql}`, params);
    const items = await this.db.query(
      `SELECT ${CUSTOMER_COLUMNS} ${sql} ORDER BY c.last_seen_at DESC, c.external_user_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    return { items, total, page: f.page, pageSize: f.pageSize };
  }

  /** One customer with every relationship (and its tags) and the recent timeline; 404 for another tenant's. */
  async customer<T>(tenantId: string, externalUserId: string): Promise<T> {
    const [customer] = await this.db.query(`SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.tenant_id = $1 AND c.external_user_id = $2`, [
      tenantId,
      externalUserId,
    ]);
    if (!customer) throw new NotFoundException('Customer not found');
    const relationships = await this.db.query(
      `SELECT r.user_id AS "userId", r.remark, r.description, r.remark_mobiles AS "remarkMobiles", r.add_way AS "addWay", r.state,
              r.added_at AS "addedAt", r.status, r.status_at AS "statusAt",
              COALESCE((SELECT json_agg(json_build_object('tagId', t.tag_id, 'name', ct.name, 'groupName', g.name, 'source', t.source) ORDER BY t.tag_id)
                FROM relationship_tags t
                LEFT JOIN corp_tags ct ON ct.tenant_id = t.tenant_id AND ct.tag_id = t.tag_id
                LEFT JOIN corp_tag_groups g ON g.tenant_id = ct.tenant_id AND g.group_id = ct.group_id
                WHERE t.tenant_id = r.tenant_id AND t.user_id = r.user_id AND t.external_user_id = r.external_user_id
                  AND COALESCE(ct.deleted, false) = false), '[]') AS tags
       FROM relationships r WHERE r.tenant_id = $1 AND r.external_user_id = $2 ORDER BY r.added_at NULLS LAST, r.user_id`,
      [tenantId, externalUserId],
    );
    const timeline = await this.db.query(
      `SELECT type, user_id AS "userId", chat_id AS "chatId", occurred_at AS "occurredAt", data
       FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = $2 ORDER BY occurred_at DESC, created_at DESC LIMIT ${RECENT_TIMELINE}`,
      [tenantId, externalUserId],
    );
    return { ...customer, relationships, timeline } as T;
  }

  async groupChats<T>(tenantId: string, q: PageQuery): Promise<Page<T>> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM group_chats WHERE tenant_id = $1`, [tenantId]);
    const items = await this.db.query(
      `SELECT ${CHAT_COLUMNS} FROM group_chats g WHERE g.tenant_id = $1 ORDER BY g.status, g.wecom_created_at DESC NULLS LAST, g.chat_id LIMIT $2 OFFSET $3`,
      [tenantId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async groupChat<T>(tenantId: string, chatId: string): Promise<T> {
    const [chat] = await this.db.query(`SELECT ${CHAT_COLUMNS} FROM group_chats g WHERE g.tenant_id = $1 AND g.chat_id = $2`, [tenantId, chatId]);
    if (!chat) throw new NotFoundException('Group chat not found');
    const members = await this.db.query(
      `SELECT member_id AS "memberId", type, joined_at AS "joinedAt", join_scene AS "joinScene", invitor, name
       FROM group_chat_members WHERE tenant_id = $1 AND chat_id = $2 ORDER BY joined_at NULLS LAST, member_id`,
      [tenantId, chatId],
    );
    return { ...chat, members } as T;
  }

  async staff<T>(tenantId: string): Promise<T[]> {
    return this.db.query(
      `SELECT s.user_id AS "userId", s.name, s.status, s.follow_user AS "followUser", s.synced_at AS "syncedAt",
              (SELECT count(*)::int FROM relationships r WHERE r.tenant_id = s.tenant_id AND r.user_id = s.user_id AND r.status = 'active') AS "activeCustomers"
       FROM staff_members s WHERE s.tenant_id = $1 ORDER BY s.user_id`,
      [tenantId],
    );
  }
}

const CUSTOMER_COLUMNS = `c.external_user_id AS "externalUserId", c.name, c.avatar, c.type, c.gender, c.unionid, c.position,
  c.corp_name AS "corpName", c.first_seen_at AS "firstSeenAt", c.last_seen_at AS "lastSeenAt"`;
const CHAT_COLUMNS = `g.chat_id AS "chatId", g.name, g.owner, g.notice, g.status, g.member_count AS "memberCount",
  g.wecom_created_at AS "createdAt", g.member_version AS "memberVersion"`;
