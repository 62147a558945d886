/**
 * The corp tags customers should have: a tag while any of their active relationships has it (relationship_tags),
 * with the source of the earliest such link. Columns customer_id, external_user_id, tag_id, source, source_id.
 * $1 is the tenant; `where` narrows the links (rt), e.g. to some customers.
 */
export function wantedCorpTags(where = ''): string {
  return `SELECT DISTINCT ON (c.id, t.id) c.id AS customer_id, c.external_user_id, t.id AS tag_id, rt.source, rt.source_id
      FROM relationship_tags rt
      JOIN relationships r ON r.tenant_id = rt.tenant_id AND r.user_id = rt.user_id AND r.external_user_id = rt.external_user_id AND r.status = 'active'
      JOIN customers c ON c.tenant_id = rt.tenant_id AND c.external_user_id = rt.external_user_id
      JOIN tags t ON t.tenant_id = rt.tenant_id AND t.corp_tag_id = rt.tag_id AND NOT t.deleted
     WHERE rt.tenant_id = $1 ${where}
     ORDER BY c.id, t.id, rt.created_at, rt.user_id`;
}

/** External ids of the customers whose corp tags in customer_tags differ from wantedCorpTags (set-based, read only). */
export const CORP_PROJECTION_DRIFT = `
  WITH wanted AS (SELECT external_user_id, tag_id, source::text, 1::real AS weight FROM (${wantedCorpTags()}) w),
       current AS (
         SELECT c.external_user_id, ct.tag_id, ct.source::text, ct.weight FROM customer_tags ct
           JOIN tags t ON t.tenant_id = ct.tenant_id AND t.id = ct.tag_id AND t.kind = 'corp'
           JOIN customers c ON c.tenant_id = ct.tenant_id AND c.id = ct.customer_id
          WHERE ct.tenant_id = $1)
  SELECT DISTINCT external_user_id FROM ((TABLE wanted EXCEPT TABLE current) UNION ALL (TABLE current EXCEPT TABLE wanted)) d`;
