import type { AttributeType } from '../profile/entities/attribute-definition.entity';

/** Customer columns a rule may compare as if they were attributes (audience-rule.ts lists them). */
export const CUSTOMER_FIELDS: Record<string, { column: string; type: AttributeType }> = {
  name: { column: 'c.name', type: 'string' },
  gender: { column: 'c.gender', type: 'number' },
  type: { column: 'c.type', type: 'number' },
  corp_name: { column: 'c.corp_name', type: 'string' },
  position: { column: 'c.position', type: 'string' },
  first_seen_at: { column: 'c.first_seen_at', type: 'date' },
  last_seen_at: { column: 'c.last_seen_at', type: 'date' },
};

/** What the compiler needs to know about one attribute a rule names. */
export interface AttributeInfo {
  type: AttributeType;
  allowedValues: string[] | null;
}

/** Limits that keep a rule's SQL small enough to plan quickly. */
export const AUDIENCE_LIMITS = { maxDepth: 5, maxLeaves: 50, maxInValues: 100, maxWithinDays: 3650, maxString: 256 };
