import { DataSource } from 'typeorm';

/**
 * The tag group of the tenant's lifecycle rule (prospect / new / returning). Computed-tag rules each own one group;
 * until the rules expose which one is the lifecycle rule's, it is the computed group named "Lifecycle" (or 生命周期).
 */
export async function lifecycleGroupId(db: DataSource, tenantId: string): Promise<string | null> {
  const [row] = (await db.query(
    `SELECT id FROM tag_groups WHERE tenant_id = $1 AND kind = 'computed' AND NOT deleted AND lower(name) IN ('lifecycle', '生命周期')
      ORDER BY created_at LIMIT 1`,
    [tenantId],
  )) as Array<{ id: string }>;
  return row?.id ?? null;
}
