import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface SeededCustomer {
  id: string;
  externalUserId: string;
  unionid: string;
}

/**
 * Customers written straight into the contacts mirror (as a sync would), for specs and benchmarks about what
 * happens to customers after they exist. `firstSeenAt` defaults to now.
 */
export async function seedCustomers(db: DataSource, tenantId: string, n: number, firstSeenAt = new Date()): Promise<SeededCustomer[]> {
  const tag = randomBytes(4).toString('hex');
  const out: SeededCustomer[] = [];
  for (let start = 0; start < n; start += 5_000) {
    const count = Math.min(5_000, n - start);
    const ext = Array.from({ length: count }, (_, i) => `wm${tag}${start + i}`);
    const rows = (await db.query(
      `INSERT INTO customers (tenant_id, external_user_id, unionid, name, first_seen_at, last_seen_at)
       SELECT $1, e, 'u' || e, 'Customer ' || e, $3, $3 FROM unnest($2::text[]) AS e
       RETURNING id, external_user_id, unionid`,
      [tenantId, ext, firstSeenAt.toISOString()],
    )) as Array<{ id: string; external_user_id: string; unionid: string }>;
    const byExt = new Map(rows.map((r) => [r.external_user_id, r]));
    for (const e of ext) {
      const r = byExt.get(e)!;
      out.push({ id: r.id, externalUserId: r.external_user_id, unionid: r.unionid });
    }
  }
  return out;
}
