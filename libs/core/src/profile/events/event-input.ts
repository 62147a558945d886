import type { CustomerRef } from '../customer-ref';

/** One behaviour event as a sender reports it (already shape-checked at the HTTP edge). */
export interface EventInput {
  idempotencyKey: string;
  customer: CustomerRef;
  type: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

export type EventOutcome =
  | { idempotencyKey: string; status: 'accepted' | 'duplicate' }
  | { idempotencyKey: string; status: 'rejected'; reason: string };

export interface IngestResult {
  accepted: number;
  duplicate: number;
  rejected: number;
  /** One per event, in the order sent. */
  results: EventOutcome[];
}

/** The most events one POST may carry. */
export const MAX_EVENTS_PER_BATCH = 1_000;
