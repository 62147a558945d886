import type { AudienceRule } from './audience-rule';

/**
 * What other capabilities (SOP, bulk tagging) need from audiences, without depending on how rules compile.
 * Customer ids are customers.id.
 */
export interface AudienceMatcher {
  /**
   * Throws a 400 (BadRequestException with the offending path, e.g. "rule.and[1].tag") when the rule is invalid for the tenant.
   * With `role`, tags of groups hidden from that role count as unknown.
   */
  validate(tenantId: string, rule: AudienceRule, path?: string, opts?: { role?: string }): Promise<void>;
  /** The subset of `customerIds` that match the rule now. */
  filter(tenantId: string, rule: AudienceRule, customerIds: string[]): Promise<Set<string>>;
  /** Matching customer ids in id order after `afterId` (keyset paging), at most `limit`. */
  page(tenantId: string, rule: AudienceRule, afterId: string | null, limit: number): Promise<string[]>;
  /** Counts the matching customers (those with at least one active relationship). */
  count(tenantId: string, rule: AudienceRule): Promise<number>;
}

export const AUDIENCE_MATCHER = Symbol('AUDIENCE_MATCHER');
