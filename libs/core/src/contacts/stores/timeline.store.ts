import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface TimelineInput {
  type: string;
  externalUserId?: string | null;
  userId?: string | null;
  chatId?: string | null;
  occurredAt: Date;
  data?: Record<string, unknown>;
  /** Derived from the event, so a replay finds it taken; omitted for changes that cannot replay. */
  dedupeKey?: string;
  inboxId?: string | null;
}

/** Appends a timeline entry; answers false when the dedupe key was already written (a replay). */
export async function writeTimeline(m: EntityManager, tenantId: string, e: TimelineInput): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `INSERT INTO timeline_entries (tenant_id, type, external_user_id, user_id, chat_id, occurred_at, data, dedupe_key, inbox_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      tenantId,
      e.type,
      e.externalUserId ?? null,
      e.userId ?? null,
      e.chatId ?? null,
      e.occurredAt,
      JSON.stringify(e.data ?? {}),
      (e.dedupeKey ?? `once|${randomUUID()}`).slice(0, 300),
      e.inboxId ?? null,
    ],
  );
  return rows.length > 0;
}
