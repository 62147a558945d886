import { EntityManager } from 'typeorm';
import type { TagKind } from '../tag/tag.types';

/**
 * The tag group a rule owns and the tags in it. Tags are created as labels first appear (interest rules meet
 * new item tags all the time); callers hold the rule's advisory lock, so two evaluations never create one twice.
 */
export const RuleTags = {
  async createGroup(m: EntityManager, tenantId: string, name: string, kind: TagKind): Promise<string> {
    const rows = (await m.query(
      `INSERT INTO tag_groups (tenant_id, name, kind, description) VALUES ($1, $2, $3, 'Set by a computed-tag rule') RETURNING id`,
      [tenantId, name, kind],
    )) as Array<{ id: string }>;
    return rows[0].id;
  },

  async renameGroup(m: EntityManager, tenantId: string, groupId: string, name: string): Promise<void> {
    await m.query(`UPDATE tag_groups SET name = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, groupId, name]);
  },

  /** Tag id by label, creating the missing ones. */
  async ensure(m: EntityManager, tenantId: string, groupId: string, kind: TagKind, labels: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(labels)];
    const ids = await RuleTags.existing(m, tenantId, groupId);
    const missing = wanted.filter((l) => !ids.has(l));
    if (missing.length > 0) {
      const rows = (await m.query(
        `INSERT INTO tags (tenant_id, group_id, name, kind, source) SELECT $1, $2, name, $3, 'rule' FROM unnest($4::text[]) AS name RETURNING id, name`,
        [tenantId, groupId, kind, missing],
      )) as Array<{ id: string; name: string }>;
      for (const r of rows) ids.set(r.name, r.id);
    }
    return ids;
  },

  async existing(m: EntityManager, tenantId: string, groupId: string): Promise<Map<string, string>> {
    const rows = (await m.query(`SELECT id, name FROM tags WHERE tenant_id = $1 AND group_id = $2 AND NOT deleted`, [tenantId, groupId])) as Array<{
      id: string;
      name: string;
    }>;
    return new Map(rows.map((r) => [r.name, r.id]));
  },

  /** Every (customer, tag) of the group, optionally only for some customers. */
  async held(m: EntityManager, tenantId: string, groupId: string, customerIds: string[] | null): Promise<Array<{ customerId: string; tagId: string; weight: number }>> {
    const rows = (await m.query(
      `SELECT ct.customer_id, ct.tag_id, ct.weight FROM customer_tags ct
         JOIN tags t ON t.tenant_id = ct.tenant_id AND t.id = ct.tag_id
        WHERE ct.tenant_id = $1 AND t.group_id = $2 AND ($3::uuid[] IS NULL OR ct.customer_id = ANY($3::uuid[]))`,
      [tenantId, groupId, customerIds],
    )) as Array<{ customer_id: string; tag_id: string; weight: number }>;
    return rows.map((r) => ({ customerId: r.customer_id, tagId: r.tag_id, weight: r.weight }));
  },

  async retire(m: EntityManager, tenantId: string, groupId: string): Promise<void> {
    await m.query(`UPDATE tags SET deleted = true, updated_at = now() WHERE tenant_id = $1 AND group_id = $2`, [tenantId, groupId]);
    await m.query(`UPDATE tag_groups SET deleted = true, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, groupId]);
  },
};
