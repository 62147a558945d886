/** `deleted`: gone from WeCom, found by a full sync; who deleted whom is unknown. */
export type RelationshipStatus = 'active' | 'deleted_by_member' | 'deleted_by_customer' | 'deleted';

export interface StatusStamp {
  status: RelationshipStatus;
  at: Date;
}

// Same-second tie: a delete outranks an add, so the result does not depend on processing order.
const RANK: Record<RelationshipStatus, number> = { active: 0, deleted: 1, deleted_by_customer: 2, deleted_by_member: 3 };

/**
 * Whether an incoming change (from an event's CreateTime, or a sync's createtime) should replace the
 * stored status. Events can arrive out of order and twice; comparing WeCom times makes any order end
 * in the state of the latest change.
 */
export function supersedes(incoming: StatusStamp, current: StatusStamp | null): boolean {
  if (!current) return true;
  const diff = incoming.at.getTime() - current.at.getTime();
  if (diff !== 0) return diff > 0;
  return RANK[incoming.status] >= RANK[current.status];
}
