import { EntityManager } from 'typeorm';

export interface StaffRow {
  userId: string;
  name: string;
  status: number | null;
}

/** Upserts the follow users; members no longer in the follow-user list keep their row, flagged. */
export async function writeStaff(m: EntityManager, tenantId: string, staff: StaffRow[], syncedAt: Date): Promise<void> {
  await m.query(
    `INSERT INTO staff_members (tenant_id, user_id, name, status, follow_user, synced_at)
     SELECT $1, x->>'userId', x->>'name', (x->>'status')::smallint, true, $3 FROM jsonb_array_elements($2::jsonb) AS x
     ON CONFLICT (tenant_id, user_id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, follow_user = true,
       synced_at = EXCLUDED.synced_at, updated_at = now()`,
    [tenantId, JSON.stringify(staff), syncedAt],
  );
  await m.query(
    `UPDATE staff_members SET follow_user = false, updated_at = now() WHERE tenant_id = $1 AND follow_user AND NOT (user_id = ANY($2::varchar[]))`,
    [tenantId, staff.map((s) => s.userId)],
  );
}
