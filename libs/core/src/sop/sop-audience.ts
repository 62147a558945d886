import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AUDIENCE_MATCHER, AudienceMatcher } from '../audience/audience-matcher.port';
import type { AudienceRule } from '../audience/audience-rule';
import { SopDefinition } from './sop.types';

/**
 * Who is in an SOP's audience, through the AUDIENCE_MATCHER port. A tag trigger's tag is part of the audience:
 * a customer who loses it leaves the SOP at their next step.
 */
@Injectable()
export class SopAudience {
  private readonly logger = new Logger(SopAudience.name);

  constructor(@Optional() @Inject(AUDIENCE_MATCHER) private readonly matcher?: AudienceMatcher) {}

  ruleOf(def: SopDefinition): AudienceRule | null {
    const parts: AudienceRule[] = [];
    if (def.audience) parts.push(def.audience);
    if (def.trigger.type === 'tag_added') parts.push({ tag: def.trigger.tagId });
    return parts.length === 0 ? null : parts.length === 1 ? parts[0] : { and: parts };
  }

  /** The customers (customers.id) still in the audience; everyone when the SOP has no rule. */
  async filter(tenantId: string, def: SopDefinition, customerIds: string[]): Promise<Set<string>> {
    const rule = this.ruleOf(def);
    if (!rule || customerIds.length === 0) return new Set(customerIds);
    return this.port().filter(tenantId, rule, customerIds);
  }

  /** Keyset pages of the audience, or null when the SOP has no rule (the caller then takes every reachable customer). */
  async page(tenantId: string, def: SopDefinition, afterId: string | null, limit: number): Promise<string[] | null> {
    const rule = this.ruleOf(def);
    return rule ? this.port().page(tenantId, rule, afterId, limit) : null;
  }

  async count(tenantId: string, def: SopDefinition): Promise<number | null> {
    const rule = this.ruleOf(def);
    return rule ? this.port().count(tenantId, rule) : null;
  }

  private port(): AudienceMatcher {
    if (!this.matcher) {
      this.logger.error('AUDIENCE_MATCHER is not bound: SOP audiences cannot be evaluated');
      throw new Error('AUDIENCE_MATCHER is not bound');
    }
    return this.matcher;
  }
}
