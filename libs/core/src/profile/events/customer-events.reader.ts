import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { CustomerRef, CustomerRefResolver } from '../customer-ref';

export interface CustomerEventItem {
  id: string;
  type: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
  idempotencyKey: string;
  receivedAt: Date;
}

/** Where a page stops: the next page starts strictly before this (occurredAt, id). */
export interface EventsCursor {
  occurredAt: Date;
  id: string;
}

export interface CustomerEventsPage {
  items: CustomerEventItem[];
  /** Pass back as `before` (or, over HTTP, as the opaque `cursor`) for the next page; null at the end. */
  next: EventsCursor | null;
}

/**
 * A customer's behaviour events, newest first, keyset-paged on (occurred_at, id) over the
 * (tenant, customer, occurred_at) index. The 360° timeline merges these with the system's own timeline entries.
 */
@Injectable()
export class CustomerEventsReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly refs: CustomerRefResolver,
  ) {}

  /** The same, naming the customer as an API caller does; 404 when no customer of the tenant answers to it. */
  async pageOf(tenantId: string, ref: CustomerRef, before: EventsCursor | null, limit: number): Promise<CustomerEventsPage> {
    const customerId = await this.refs.resolveOne(tenantId, ref);
    if (!customerId) throw new NotFoundException('Customer not found');
    return this.page(tenantId, customerId, before, limit);
  }

  async page(tenantId: string, customerId: string, before: EventsCursor | null, limit: number): Promise<CustomerEventsPage> {
    const rows = (await this.db.query(
      `SELECT id::text, type, occurred_at, properties, idempotency_key, received_at
         FROM customer_events
        WHERE tenant_id = $1 AND customer_id = $2
          AND ($3::timestamptz IS NULL OR (occurred_at, id) < ($3::timestamptz, $4::bigint))
        ORDER BY occurred_at DESC, id DESC
        LIMIT $5`,
      [tenantId, customerId, before?.occurredAt.toISOString() ?? null, before?.id ?? null, limit + 1],
    )) as Array<{ id: string; type: string; occurred_at: Date; properties: Record<string, unknown>; idempotency_key: string; received_at: Date }>;
    const items = rows.slice(0, limit).map((r) => ({
      id: r.id,
      type: r.type,
      occurredAt: r.occurred_at,
      properties: r.properties,
      idempotencyKey: r.idempotency_key,
      receivedAt: r.received_at,
    }));
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null };
  }
}

/** The opaque HTTP form of a cursor. */
export function encodeEventsCursor(c: EventsCursor | null): string | null {
  return c ? Buffer.from(`${c.occurredAt.toISOString()}|${c.id}`).toString('base64url') : null;
}

export function decodeEventsCursor(s: string | undefined): EventsCursor | null {
  if (!s) return null;
  const [at, id] = Buffer.from(s, 'base64url').toString().split('|');
  const occurredAt = new Date(at);
  const year = occurredAt.getUTCFullYear();
  if (!id || !/^\d{1,18}$/.test(id) || Number.isNaN(occurredAt.getTime()) || year < 1900 || year > 9999) {
    throw fieldError('cursor', 'not a cursor this API issued');
  }
  return { occurredAt, id };
}
