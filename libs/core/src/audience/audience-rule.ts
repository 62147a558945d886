/**
 * The audience rule language (人群圈选): a JSON tree compiled to parameterised SQL over one tenant's customers.
 * Leaves name tags by our tag id (tags.id), attributes by AttributeDefinition key (or a customer field:
 * name, gender, type, corp_name, position, first_seen_at, last_seen_at), channels by channel id,
 * staff by WeCom userid, groups by chat_id.
 */
export type AudienceRule =
  | { and: AudienceRule[] }
  | { or: AudienceRule[] }
  | { not: AudienceRule }
  | { tag: string; minWeight?: number }
  | { attribute: string; op: AttributeOp; value?: unknown }
  | { event: string; measure: 'count' | 'sum'; property?: string; withinDays: number; op: CompareOp; value: number }
  | { channel: string }
  | { staff: string }
  | { addedBetween: { from?: string; to?: string } }
  | { inGroup: string };

export type CompareOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';
export type AttributeOp = CompareOp | 'in' | 'contains' | 'exists' | 'not_exists';
