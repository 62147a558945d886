import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerTagWriter } from './customer-tag.writer';

/**
 * Keeps the catalogue's corp groups and tags (kind 'corp') equal to the corp tag mirror (corp_tag_groups /
 * corp_tags, itself equal to WeCom's list): creates, renames, reorders and marks deleted, set-based. What is
 * ours only (description, category, allowed roles) is never touched. Tags that went are taken off customers.
 */
@Injectable()
export class CorpCatalogueReconciler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: CustomerTagWriter,
  ) {}

  async reconcile(tenantId: string): Promise<void> {
    const changed = await this.db.transaction((m) => this.apply(m, tenantId));
    this.writer.announce(tenantId, changed);
    await this.writer.announceCatalogue(tenantId);
  }

  /** Inside the caller's transaction; answers the customers that lost a tag, for the caller to announce after commit. */
  async apply(m: EntityManager, tenantId: string): Promise<string[]> {
    return this.writer.removeTags(tenantId, await reconcileCatalogue(m, tenantId), m, false);
  }
}

/** Answers the ids (tags.id) of corp tags that this call marked deleted. */
export async function reconcileCatalogue(m: EntityManager, tenantId: string): Promise<string[]> {
  // One reconcile per tenant at a time: a callback and an API write may both re-read the list.
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('tag-catalogue:' || $1))`, [tenantId]);
  await m.query(
    `INSERT INTO tag_groups (tenant_id, name, kind, corp_group_id, "order", deleted)
     SELECT g.tenant_id, g.name, 'corp', g.group_id, g."order", g.deleted FROM corp_tag_groups g WHERE g.tenant_id = $1
     ON CONFLICT (tenant_id, corp_group_id) WHERE corp_group_id IS NOT NULL DO UPDATE
       SET name = EXCLUDED.name, "order" = EXCLUDED."order", deleted = EXCLUDED.deleted, updated_at = now()
       WHERE (tag_groups.name, tag_groups."order", tag_groups.deleted) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED."order", EXCLUDED.deleted)`,
    [tenantId],
  );
  const before = (await m.query(`SELECT id FROM tags WHERE tenant_id = $1 AND kind = 'corp' AND NOT deleted`, [tenantId])) as Array<{ id: string }>;
  await m.query(
    `INSERT INTO tags (tenant_id, group_id, name, kind, corp_tag_id, source, "order", deleted)
     SELECT ct.tenant_id, tg.id, ct.name, 'corp', ct.tag_id, 'wecom', ct."order", ct.deleted OR cg.deleted
       FROM corp_tags ct
       JOIN corp_tag_groups cg ON cg.tenant_id = ct.tenant_id AND cg.group_id = ct.group_id
       JOIN tag_groups tg ON tg.tenant_id = ct.tenant_id AND tg.corp_group_id = ct.group_id
      WHERE ct.tenant_id = $1
     ON CONFLICT (tenant_id, corp_tag_id) WHERE corp_tag_id IS NOT NULL DO UPDATE
       SET group_id = EXCLUDED.group_id, name = EXCLUDED.name, "order" = EXCLUDED."order", deleted = EXCLUDED.deleted, updated_at = now()
       WHERE (tags.group_id, tags.name, tags."order", tags.deleted) IS DISTINCT FROM (EXCLUDED.group_id, EXCLUDED.name, EXCLUDED."order", EXCLUDED.deleted)`,
    [tenantId],
  );
  const after = (await m.query(`SELECT id FROM tags WHERE tenant_id = $1 AND kind = 'corp' AND deleted AND id = ANY($2::uuid[])`, [
    tenantId,
    before.map((r) => r.id),
  ])) as Array<{ id: string }>;
  return after.map((r) => r.id);
}
