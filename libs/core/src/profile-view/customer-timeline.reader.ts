import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource } from 'typeorm';
import type { TimelineItem, TimelinePage } from './customer-profile.types';

interface Cursor {
  at: string;
  source: string;
  id: string;
}

/**
 * One customer's timeline: the system's timeline_entries (keyed by external_userid) and reported customer_events
 * (keyed by customers.id), newest first. The cursor is the last item's (time, source, id), so items sharing a
 * millisecond are neither skipped nor repeated across pages.
 */
@Injectable()
export class CustomerTimelineReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(tenantId: string, customer: { id: string; externalUserId: string }, before: string | undefined, limit: number): Promise<TimelinePage> {
    const cursor = before ? decodeCursor(before) : null;
    const bound = cursor ? `AND occurred_at <= $5::timestamptz AND (occurred_at, %SOURCE%::text, %ID%) < ($5::timestamptz, $6::text, $7::text)` : '';
    const params: unknown[] = [tenantId, customer.externalUserId, customer.id, limit + 1];
    if (cursor) params.push(cursor.at, cursor.source, cursor.id);
    const rows = (await this.db.query(
      `SELECT * FROM (
         (SELECT 'system' AS source, id::text AS id, type, occurred_at, user_id, data FROM timeline_entries
           WHERE tenant_id = $1 AND external_user_id = $2 ${bound.replace('%SOURCE%', `'system'`).replace('%ID%', 'id::text')}
           ORDER BY occurred_at DESC, id::text DESC LIMIT $4)
         UNION ALL
         (SELECT 'event', id::text, type, occurred_at, NULL, properties FROM customer_events
           WHERE tenant_id = $1 AND customer_id = $3 ${bound.replace('%SOURCE%', `'event'`).replace('%ID%', 'id::text')}
           ORDER BY occurred_at DESC, id::text DESC LIMIT $4)
       ) x ORDER BY occurred_at DESC, source DESC, id DESC LIMIT $4`,
      params,
    )) as Array<{ source: 'system' | 'event'; id: string; type: string; occurred_at: Date; user_id: string | null; data: Record<string, unknown> }>;
    const more = rows.length > limit;
    const items: TimelineItem[] = rows.slice(0, limit).map((r) => ({
      source: r.source,
      id: r.id,
      type: r.type,
      occurredAt: r.occurred_at.toISOString(),
      userId: r.user_id,
      data: r.data,
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor({ at: last.occurredAt, source: last.source, id: last.id }) : null };
  }
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.source, c.id])).toString('base64url');
}

function decodeCursor(value: string): Cursor {
  try {
    const [at, source, id] = JSON.parse(Buffer.from(value, 'base64url').toString()) as unknown[];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && (source === 'system' || source === 'event') && typeof id === 'string' && id.length <= 64) {
      return { at, source, id };
    }
  } catch {
    // fall through to the 400
  }
  throw fieldError('before', 'must be the nextCursor of a previous page');
}
