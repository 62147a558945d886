import type { CorpTagGroup as WeComTagGroup } from '@scrm/wechat-work-sdk';
import { EntityManager } from 'typeorm';
import { wecomTime } from '../rules/wecom-time';

/**
 * Makes the corp tag mirror equal get_corp_tag_list (called with no filter, so the list is complete):
 * everything listed is upserted, everything not listed is flagged deleted. Deleting a group sends no
 * per-tag events, so only the full list can tell which tags went with it.
 */
export async function reconcileCorpTags(m: EntityManager, tenantId: string, groups: WeComTagGroup[]): Promise<{ groups: number; tags: number }> {
  const groupRows = groups.map((g) => [g.group_id, g.group_name, g.order ?? 0, wecomTime(g.create_time), !!g.deleted]);
  const tagRows = groups.flatMap((g) => (g.tag ?? []).map((t) => [t.id, g.group_id, t.name, t.order ?? 0, wecomTime(t.create_time), !!(t.deleted || g.deleted)]));
  await m.query(
    `INSERT INTO corp_tag_groups (tenant_id, group_id, name, "order", wecom_created_at, deleted)
     SELECT $1, x->>0, x->>1, (x->>2)::int, (x->>3)::timestamptz, (x->>4)::boolean FROM jsonb_array_elements($2::jsonb) AS x
     ON CONFLICT (tenant_id, group_id) DO UPDATE SET name = EXCLUDED.name, "order" = EXCLUDED."order",
       wecom_created_at = EXCLUDED.wecom_created_at, deleted = EXCLUDED.deleted, updated_at = now()`,
    [tenantId, JSON.stringify(groupRows)],
  );
  await m.query(
    `INSERT INTO corp_tags (tenant_id, tag_id, group_id, name, "order", wecom_created_at, deleted)
     SELECT $1, x->>0, x->>1, x->>2, (x->>3)::int, (x->>4)::timestamptz, (x->>5)::boolean FROM jsonb_array_elements($2::jsonb) AS x
     ON CONFLICT (tenant_id, tag_id) DO UPDATE SET group_id = EXCLUDED.group_id, name = EXCLUDED.name, "order" = EXCLUDED."order",
       wecom_created_at = EXCLUDED.wecom_created_at, deleted = EXCLUDED.deleted, updated_at = now()`,
    [tenantId, JSON.stringify(tagRows)],
  );
  await m.query(
    `UPDATE corp_tag_groups SET deleted = true, updated_at = now() WHERE tenant_id = $1 AND NOT deleted AND NOT (group_id = ANY($2::varchar[]))`,
    [tenantId, groupRows.map((g) => g[0])],
  );
  await m.query(
    `UPDATE corp_tags SET deleted = true, updated_at = now() WHERE tenant_id = $1 AND NOT deleted AND NOT (tag_id = ANY($2::varchar[]))`,
    [tenantId, tagRows.map((t) => t[0])],
  );
  return { groups: groupRows.length, tags: tagRows.length };
}
