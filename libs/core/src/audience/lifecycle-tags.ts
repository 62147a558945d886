import { DataSource } from 'typeorm';

/** The tag group of the tenant's lifecycle rule (prospect / new / returning): an enabled one first, then the oldest. */
export async function lifecycleGroupId(db: DataSource, tenantId: string): Promise<string | null> {
  const [row] = (await db.query(
    `SELECT group_id AS id FROM tag_rules WHERE tenant_id = $1 AND kind = 'lifecycle' ORDER BY enabled DESC, created_at LIMIT 1`,
    [tenantId],
  )) as Array<{ id: string }>;
  return row?.id ?? null;
}
