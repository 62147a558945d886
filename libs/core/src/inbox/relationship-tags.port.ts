/**
 * Records tags that our own code applied to a member ↔ customer relationship through WeCom's mark_tag.
 * WeCom sends no callback for API writes, so whoever calls mark_tag must record the change here:
 * it writes the local tag links, a timeline entry and emits customer.tagged / customer.untagged.
 * Idempotent: recording the same tags twice changes nothing the second time.
 */
export interface RelationshipTagsPort {
  recordApplied(tenantId: string, change: RelationshipTagChange): Promise<void>;
  recordRemoved(tenantId: string, change: RelationshipTagChange): Promise<void>;
}

export interface RelationshipTagChange {
  userId: string;
  externalUserId: string;
  tagIds: string[];
  source: 'channel' | 'sop' | 'admin' | 'bulk';
  /** What caused it, for the timeline (e.g. a channel id). */
  sourceId?: string;
}

export const RELATIONSHIP_TAGS = Symbol('RELATIONSHIP_TAGS');
