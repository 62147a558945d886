import { EntityManager } from 'typeorm';
import { StatusStamp, supersedes } from '../rules/relationship-status';

export interface RelationshipKey {
  userId: string;
  externalUserId: string;
}

/** Fields WeCom reports for a relationship (externalcontact/get follow_user, batch/get_by_user follow_info). */
export interface RelationshipFields {
  remark: string;
  description: string;
  remarkMobiles: string[];
  addWay: number | null;
  state: string | null;
  operUserId: string | null;
  addedAt: Date | null;
}

export interface StatusChange {
  /** The status stored before (null: the relationship was not known). */
  previous: StatusStamp | null;
  /** Whether `incoming` became the stored status (false: a newer change was already stored). */
  applied: boolean;
}

/**
 * Writes a relationship status under a row lock, keeping whichever change is newer in WeCom time, so
 * out-of-order and repeated events end in the same state. `fields` are fresh from WeCom and always written.
 * Callers take the customer's row first (upsertCustomer): one lock order, no deadlocks between handlers.
 */
export async function applyRelationshipStatus(
  m: EntityManager,
  tenantId: string,
  key: RelationshipKey,
  incoming: StatusStamp,
  fields?: RelationshipFields,
): Promise<StatusChange> {
  const inserted: unknown[] = await m.query(
    `INSERT INTO relationships (tenant_id, user_id, external_user_id, status, status_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, user_id, external_user_id) DO NOTHING RETURNING id`,
    [tenantId, key.userId, key.externalUserId, incoming.status, incoming.at],
  );
  let change: StatusChange = { previous: null, applied: true };
  if (inserted.length === 0) {
    const [row] = (await m.query(
      `SELECT status, status_at FROM relationships WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3 FOR UPDATE`,
      [tenantId, key.userId, key.externalUserId],
    )) as Array<{ status: StatusStamp['status']; status_at: Date }>;
    const previous = { status: row.status, at: new Date(row.status_at) };
    change = { previous, applied: supersedes(incoming, previous) };
    if (change.applied) {
      await m.query(
        `UPDATE relationships SET status = $4, status_at = $5, updated_at = now() WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3`,
        [tenantId, key.userId, key.externalUserId, incoming.status, incoming.at],
      );
    }
  }
  if (fields) await writeRelationshipFields(m, tenantId, key, fields);
  return change;
}

async function writeRelationshipFields(m: EntityManager, tenantId: string, key: RelationshipKey, f: RelationshipFields): Promise<void> {
  await m.query(
    `UPDATE relationships SET remark = $4, description = $5, remark_mobiles = $6, add_way = COALESCE($7, add_way),
       state = COALESCE($8, state), oper_user_id = COALESCE($9, oper_user_id), added_at = COALESCE($10, added_at), updated_at = now()
     WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3`,
    [tenantId, key.userId, key.externalUserId, f.remark, f.description, JSON.stringify(f.remarkMobiles), f.addWay, f.state, f.operUserId, f.addedAt],
  );
}

/** True when another member's relationship with this customer began before `at`: the customer is not new. */
export async function knownBefore(m: EntityManager, tenantId: string, key: RelationshipKey, at: Date): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM relationships WHERE tenant_id = $1 AND external_user_id = $2 AND user_id <> $3
       AND COALESCE(added_at, status_at) < $4 LIMIT 1`,
    [tenantId, key.externalUserId, key.userId, at],
  );
  return rows.length > 0;
}

/** Row locks on an existing customer and relationship, in the one lock order (none yet: nothing to lock). */
export async function lockCustomerAndRelationship(m: EntityManager, tenantId: string, key: RelationshipKey): Promise<void> {
  await m.query(`SELECT 1 FROM customers WHERE tenant_id = $1 AND external_user_id = $2 FOR UPDATE`, [tenantId, key.externalUserId]);
  await lockRelationship(m, tenantId, key);
}

/** Row lock on an existing relationship for the rest of the transaction (none yet: nothing to lock). */
export async function lockRelationship(m: EntityManager, tenantId: string, key: RelationshipKey): Promise<void> {
  await m.query(`SELECT 1 FROM relationships WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3 FOR UPDATE`, [
    tenantId,
    key.userId,
    key.externalUserId,
  ]);
}
