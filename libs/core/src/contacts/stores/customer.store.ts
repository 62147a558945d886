import type { ExternalContact } from '@scrm/wechat-work-sdk';
import { EntityManager } from 'typeorm';

/**
 * Inserts or refreshes a customer. Without details (a delete seen before any add, or WeCom no longer
 * knowing the customer) only the row and its seen times are ensured; details never get blanked.
 */
export async function upsertCustomer(m: EntityManager, tenantId: string, externalUserId: string, contact: ExternalContact | null, seenAt: Date): Promise<void> {
  if (!contact) {
    await m.query(
      `INSERT INTO customers (tenant_id, external_user_id, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (tenant_id, external_user_id) DO UPDATE SET
         first_seen_at = LEAST(customers.first_seen_at, EXCLUDED.first_seen_at),
         last_seen_at = GREATEST(customers.last_seen_at, EXCLUDED.last_seen_at)`,
      [tenantId, externalUserId, seenAt],
    );
    return;
  }
  await m.query(
    `INSERT INTO customers (tenant_id, external_user_id, name, avatar, type, gender, unionid, position, corp_name, corp_full_name, first_seen_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
     ON CONFLICT (tenant_id, external_user_id) DO UPDATE SET
       name = EXCLUDED.name, avatar = EXCLUDED.avatar, type = EXCLUDED.type, gender = EXCLUDED.gender,
       unionid = EXCLUDED.unionid, position = EXCLUDED.position, corp_name = EXCLUDED.corp_name,
       corp_full_name = EXCLUDED.corp_full_name,
       first_seen_at = LEAST(customers.first_seen_at, EXCLUDED.first_seen_at),
       last_seen_at = GREATEST(customers.last_seen_at, EXCLUDED.last_seen_at),
       updated_at = now()`,
    [
      tenantId,
      externalUserId,
      contact.name ?? '',
      contact.avatar ?? '',
      contact.type ?? null,
      contact.gender ?? null,
      contact.unionid ?? null,
      contact.position ?? null,
      contact.corp_name ?? null,
      contact.corp_full_name ?? null,
      seenAt,
    ],
  );
}
