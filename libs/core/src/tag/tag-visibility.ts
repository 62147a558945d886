import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const ADMIN = 'admin';

/**
 * Tag groups restricted to roles (tag_groups.allowed_roles): a role outside the list sees neither the group
 * nor its tags anywhere (catalogue, customer profiles, audience results). Admins see every group: they set the
 * restrictions and must be able to undo them.
 */
@Injectable()
export class TagVisibility {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Ids of the tags this role may not see. */
  async hiddenTagIds(tenantId: string, role: string): Promise<Set<string>> {
    if (role === ADMIN) return new Set();
    const rows = (await this.db.query(
      `SELECT t.id FROM tags t JOIN tag_groups g ON g.tenant_id = t.tenant_id AND g.id = t.group_id
        WHERE t.tenant_id = $1 AND g.allowed_roles IS NOT NULL AND NOT ($2 = ANY(g.allowed_roles))`,
      [tenantId, role],
    )) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  /** Ids of the tag groups this role may not see. */
  async hiddenGroupIds(tenantId: string, role: string): Promise<Set<string>> {
    if (role === ADMIN) return new Set();
    const rows = (await this.db.query(
      `SELECT id FROM tag_groups WHERE tenant_id = $1 AND allowed_roles IS NOT NULL AND NOT ($2 = ANY(allowed_roles))`,
      [tenantId, role],
    )) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }
}
