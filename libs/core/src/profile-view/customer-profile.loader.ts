import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TagVisibility } from '../tag/tag-visibility';
import type { CustomerProfile, ProfileChannel, ProfileRelationship, ProfileTagGroup } from './customer-profile.types';

type Row = Record<string, any>;
const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** Reads the parts of the 360° view from Postgres (the cache in front of it is CustomerProfileService's). */
@Injectable()
export class CustomerProfileLoader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly visibility: TagVisibility,
  ) {}

  async customer(tenantId: string, id: string): Promise<Row | null> {
    const [row] = (await this.db.query(`SELECT * FROM customers WHERE tenant_id = $1 AND id = $2`, [tenantId, id])) as Row[];
    return row ?? null;
  }

  /** Everything but the timeline and the SOP sections. */
  async load(tenantId: string, c: Row, role: string): Promise<Omit<CustomerProfile, 'sop' | 'timeline'>> {
    const [attributes, tags, relationships, channels, groups] = await Promise.all([
      this.attributes(tenantId, c.attributes ?? {}),
      this.tags(tenantId, c.id, role),
      this.relationships(tenantId, c.external_user_id),
      this.channels(tenantId, c.external_user_id),
      this.groups(tenantId, c.external_user_id),
    ]);
    return {
      customer: {
        id: c.id,
        externalUserId: c.external_user_id,
        unionid: c.unionid,
        name: c.name,
        avatar: c.avatar,
        type: c.type,
        gender: c.gender,
        corpName: c.corp_name,
        corpFullName: c.corp_full_name,
        position: c.position,
        firstSeenAt: iso(c.first_seen_at)!,
        lastSeenAt: iso(c.last_seen_at)!,
      },
      attributes,
      tags,
      relationships,
      channels,
      groups,
    };
  }

  private async attributes(tenantId: string, values: Record<string, unknown>): Promise<CustomerProfile['attributes']> {
    const defs = (await this.db.query(`SELECT key, label, type FROM attribute_definitions WHERE tenant_id = $1 ORDER BY key`, [tenantId])) as Row[];
    return defs.filter((d) => values[d.key] !== undefined && values[d.key] !== null).map((d) => ({ key: d.key, label: d.label, type: d.type, value: values[d.key] }));
  }

  private async tags(tenantId: string, customerId: string, role: string): Promise<CustomerProfile['tags']> {
    const [rows, categories, hidden] = await Promise.all([
      this.db.query(
        `SELECT ct.tag_id, ct.weight, ct.source, ct.set_at, t.name AS tag_name, t.kind AS tag_kind, t.order AS tag_order,
                g.id AS group_id, g.name AS group_name, g.kind AS group_kind, g.order AS group_order, g.category_id
           FROM customer_tags ct
           JOIN tags t ON t.tenant_id = ct.tenant_id AND t.id = ct.tag_id AND NOT t.deleted
           JOIN tag_groups g ON g.tenant_id = t.tenant_id AND g.id = t.group_id AND NOT g.deleted
          WHERE ct.tenant_id = $1 AND ct.customer_id = $2
          ORDER BY g.order DESC, g.name, t.order DESC, t.name`,
        [tenantId, customerId],
      ) as Promise<Row[]>,
      this.db.query(`SELECT id, name, parent_id FROM tag_categories WHERE tenant_id = $1`, [tenantId]) as Promise<Row[]>,
      this.visibility.hiddenGroupIds(tenantId, role),
    ]);
    const byId = new Map(categories.map((k) => [k.id as string, k]));
    const path = (id: string): string => {
      const names: string[] = [];
      for (let k = byId.get(id); k && names.length < 5; k = k.parent_id ? byId.get(k.parent_id) : undefined) names.unshift(k.name);
      return names.join(' / ');
    };
    const out = new Map<string, { category: CustomerProfile['tags'][number]['category']; groups: Map<string, ProfileTagGroup> }>();
    for (const r of rows) {
      if (hidden.has(r.group_id)) continue;
      const cat = r.category_id ? byId.get(r.category_id) : undefined;
      const catKey = cat ? cat.id : '';
      if (!out.has(catKey)) out.set(catKey, { category: cat ? { id: cat.id, name: cat.name, path: path(cat.id) } : null, groups: new Map() });
      const groups = out.get(catKey)!.groups;
      if (!groups.has(r.group_id)) groups.set(r.group_id, { id: r.group_id, name: r.group_name, kind: r.group_kind, tags: [] });
      groups.get(r.group_id)!.tags.push({ id: r.tag_id, name: r.tag_name, kind: r.tag_kind, weight: r.weight, source: r.source, setAt: iso(r.set_at)! });
    }
    return [...out.values()].map((c) => ({ category: c.category, groups: [...c.groups.values()] }));
  }

  private async relationships(tenantId: string, ext: string): Promise<ProfileRelationship[]> {
    // The channel of a relationship: the channel of its latest add, else the channel whose state brought it.
    const rows = (await this.db.query(
      `SELECT r.user_id, coalesce(nullif(sm.name, ''), r.user_id) AS member_name, r.remark, r.description, r.add_way, r.state, r.status, r.added_at,
              ch.id AS channel_id, ch.name AS channel_name
         FROM relationships r
         LEFT JOIN staff_members sm ON sm.tenant_id = r.tenant_id AND sm.user_id = r.user_id
         LEFT JOIN LATERAL (SELECT ca.channel_id FROM channel_adds ca
                             WHERE ca.tenant_id = r.tenant_id AND ca.user_id = r.user_id AND ca.external_user_id = r.external_user_id
                             ORDER BY ca.added_at DESC LIMIT 1) la ON true
         LEFT JOIN channels ch ON ch.tenant_id = r.tenant_id
               AND ch.id = coalesce(la.channel_id, (SELECT s.id FROM channels s WHERE s.tenant_id = r.tenant_id AND s.state = r.state))
        WHERE r.tenant_id = $1 AND r.external_user_id = $2
        ORDER BY r.status = 'active' DESC, r.added_at DESC NULLS LAST`,
      [tenantId, ext],
    )) as Row[];
    return rows.map((r) => ({
      userId: r.user_id,
      memberName: r.member_name,
      remark: r.remark,
      description: r.description,
      addWay: r.add_way,
      state: r.state,
      status: r.status,
      addedAt: iso(r.added_at),
      channel: r.channel_id ? { id: r.channel_id, name: r.channel_name } : null,
    }));
  }

  private async channels(tenantId: string, ext: string): Promise<CustomerProfile['channels']> {
    const [row] = (await this.db.query(
      `SELECT cc.first_channel_id, f.name AS first_name, cc.first_at, cc.latest_channel_id, l.name AS latest_name, cc.latest_at
         FROM customer_channels cc
         LEFT JOIN channels f ON f.tenant_id = cc.tenant_id AND f.id = cc.first_channel_id
         LEFT JOIN channels l ON l.tenant_id = cc.tenant_id AND l.id = cc.latest_channel_id
        WHERE cc.tenant_id = $1 AND cc.external_user_id = $2`,
      [tenantId, ext],
    )) as Row[];
    if (!row) return { first: null, latest: null };
    const channel = (id: string, name: string | null, at: Date): ProfileChannel => ({ id, name: name ?? '', at: iso(at)! });
    return { first: channel(row.first_channel_id, row.first_name, row.first_at), latest: channel(row.latest_channel_id, row.latest_name, row.latest_at) };
  }

  private async groups(tenantId: string, ext: string): Promise<CustomerProfile['groups']> {
    const rows = (await this.db.query(
      `SELECT g.chat_id, g.name, g.owner, g.status, m.joined_at, m.join_scene
         FROM group_chat_members m JOIN group_chats g ON g.tenant_id = m.tenant_id AND g.chat_id = m.chat_id
        WHERE m.tenant_id = $1 AND m.member_id = $2 AND m.type = 2
        ORDER BY m.joined_at DESC NULLS LAST`,
      [tenantId, ext],
    )) as Row[];
    return rows.map((r) => ({ chatId: r.chat_id, name: r.name, owner: r.owner, status: r.status, joinedAt: iso(r.joined_at), joinScene: r.join_scene }));
  }
}
