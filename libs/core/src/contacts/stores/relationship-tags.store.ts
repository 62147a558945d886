import { EntityManager } from 'typeorm';
import { TagSource } from '../entities/relationship-tag.entity';
import { tagDiff } from '../rules/tag-diff';
import { RelationshipKey } from './relationship.store';

export async function currentTagIds(m: EntityManager, tenantId: string, key: RelationshipKey): Promise<string[]> {
  const rows = (await m.query(
    `SELECT tag_id FROM relationship_tags WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3`,
    [tenantId, key.userId, key.externalUserId],
  )) as Array<{ tag_id: string }>;
  return rows.map((r) => r.tag_id);
}

/** Adds links (in tag id order, so concurrent writers take index locks in one order); answers the ones that are new. */
export async function addTagLinks(
  m: EntityManager,
  tenantId: string,
  key: RelationshipKey,
  tagIds: string[],
  source: TagSource,
  sourceId: string | null = null,
): Promise<string[]> {
  if (tagIds.length === 0) return [];
  const rows = (await m.query(
    `INSERT INTO relationship_tags (tenant_id, user_id, external_user_id, tag_id, source, source_id)
     SELECT $1, $2, $3, t, $5, $6 FROM unnest($4::varchar[]) AS t
     ON CONFLICT (tenant_id, user_id, external_user_id, tag_id) DO NOTHING RETURNING tag_id`,
    [tenantId, key.userId, key.externalUserId, [...new Set(tagIds)].sort(), source, sourceId],
  )) as Array<{ tag_id: string }>;
  return rows.map((r) => r.tag_id).sort();
}

/** Removes links (only those written before `olderThan`, when given); answers the tag ids actually removed. */
export async function removeTagLinks(m: EntityManager, tenantId: string, key: RelationshipKey, tagIds: string[], olderThan?: Date): Promise<string[]> {
  if (tagIds.length === 0) return [];
  const [rows] = (await m.query(
    `DELETE FROM relationship_tags WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3 AND tag_id = ANY($4::varchar[])
       AND ($5::timestamptz IS NULL OR created_at < $5)
     RETURNING tag_id`,
    [tenantId, key.userId, key.externalUserId, tagIds, olderThan ?? null],
  )) as [Array<{ tag_id: string }>, number];
  return rows.map((r) => r.tag_id).sort();
}

/**
 * Makes the local links equal WeCom's list as read at `readAt` (edit events, full sync). A link recorded
 * after that read (our own mark_tag, racing with the read) is newer than the list and is kept.
 */
export async function replaceTagLinks(
  m: EntityManager,
  tenantId: string,
  key: RelationshipKey,
  wanted: string[],
  source: TagSource,
  readAt: Date,
): Promise<{ added: string[]; removed: string[] }> {
  const diff = tagDiff(await currentTagIds(m, tenantId, key), wanted);
  return {
    added: await addTagLinks(m, tenantId, key, diff.added, source),
    removed: await removeTagLinks(m, tenantId, key, diff.removed, readAt),
  };
}
