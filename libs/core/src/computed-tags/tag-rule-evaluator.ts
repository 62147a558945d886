import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { TagAddition } from '../events/domain-events';
import { CustomerTagRow, CustomerTagWriter } from '../tag/customer-tag.writer';
import { RuleDefinition } from './rule-definition';
import { compileRule } from './rule-sql';
import { RuleTags } from './rule-tags';
import { TagRule } from './tag-rule.entity';

export interface DryRunResult {
  /** Customers the rule would tag with at least one tag. */
  customers: number;
  /** Customers per tag (label). */
  perTag: Record<string, number>;
}

export interface EvaluationResult {
  set: number;
  removed: number;
}

/** Rows written per statement. */
const CHUNK = 5_000;
/** customer_tags.weight is a real: closer than this is the same weight. */
const SAME_WEIGHT = 1e-4;

/**
 * Evaluates rules with one set-based query each, for a whole tenant (nightly, on enable) or some customers (after
 * their events arrive), and brings customer_tags in line through CustomerTagWriter: tags that now hold are set,
 * tags of the rule's group that no longer hold are removed. Each rule is evaluated under its advisory lock.
 */
@Injectable()
export class TagRuleEvaluator {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: CustomerTagWriter,
    private readonly clock: Clock,
  ) {}

  async dryRun(tenantId: string, definition: RuleDefinition): Promise<DryRunResult> {
    const q = compileRule(definition, tenantId, this.clock.now(), null);
    const rows = (await this.db.query(
      `SELECT label, count(*)::int AS n FROM (${q.sql}) r GROUP BY label ORDER BY label`,
      q.params,
    )) as Array<{ label: string; n: number }>;
    const customers = (await this.db.query(`SELECT count(DISTINCT customer_id)::int AS n FROM (${q.sql}) r`, q.params)) as Array<{ n: number }>;
    return { customers: customers[0].n, perTag: Object.fromEntries(rows.map((r) => [r.label, r.n])) };
  }

  /** customerIds null = every customer of the tenant. A rule found disabled (or gone) under the lock is skipped. */
  async evaluate(tenantId: string, ruleId: string, customerIds: string[] | null): Promise<EvaluationResult | 'skipped'> {
    const changed = new Set<string>();
    const additions: TagAddition[] = [];
    const result = await this.db.transaction(async (m) => {
      await lockRule(m, ruleId);
      const [rule] = (await m.query(`SELECT * FROM tag_rules WHERE tenant_id = $1 AND id = $2`, [tenantId, ruleId])) as Array<Record<string, unknown>>;
      if (!rule || !rule.enabled) return 'skipped' as const;
      const r = { groupId: rule.group_id as string, definition: rule.definition as RuleDefinition };
      const q = compileRule(r.definition, tenantId, this.clock.now(), customerIds);
      const wanted = (await m.query(q.sql, q.params)) as Array<{ customer_id: string; label: string; weight: number }>;
      const kind = r.definition.kind === 'interest' ? 'interest' : 'computed';
      const tagIds = await RuleTags.ensure(m, tenantId, r.groupId, kind, wanted.map((w) => w.label));
      const held = new Map((await RuleTags.held(m, tenantId, r.groupId, customerIds)).map((h) => [`${h.customerId}:${h.tagId}`, h.weight]));
      const toSet: CustomerTagRow[] = [];
      for (const w of wanted) {
        const tagId = tagIds.get(w.label)!;
        const k = `${w.customer_id}:${tagId}`;
        const before = held.get(k);
        held.delete(k);
        if (before === undefined || Math.abs(before - w.weight) > SAME_WEIGHT) {
          toSet.push({ customerId: w.customer_id, tagId, weight: w.weight, source: 'rule', sourceId: ruleId });
        }
      }
      for (let i = 0; i < toSet.length; i += CHUNK) additions.push(...(await this.writer.set(tenantId, toSet.slice(i, i + CHUNK), m, false)));
      toSet.forEach((t) => changed.add(t.customerId));
      // What is left in `held` no longer holds: remove it, tag by tag.
      const byTag = new Map<string, string[]>();
      for (const k of held.keys()) {
        const [customerId, tagId] = k.split(':');
        byTag.set(tagId, [...(byTag.get(tagId) ?? []), customerId]);
      }
      let removed = 0;
      for (const [tagId, customers] of byTag) {
        for (let i = 0; i < customers.length; i += CHUNK) {
          const chunk = customers.slice(i, i + CHUNK);
          (await this.writer.remove(tenantId, chunk, [tagId], m, false)).forEach((c) => changed.add(c));
          removed += chunk.length;
        }
      }
      await m.query(`UPDATE tag_rules SET last_evaluated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, ruleId]);
      return { set: toSet.length, removed };
    });
    this.writer.announce(tenantId, [...changed], additions);
    return result;
  }

  /** Takes every tag of the rule's group off every customer (a rule switched off or deleted). */
  async clear(m: EntityManager, tenantId: string, rule: Pick<TagRule, 'id' | 'groupId'>): Promise<string[]> {
    await lockRule(m, rule.id);
    const held = await RuleTags.held(m, tenantId, rule.groupId, null);
    const customers = [...new Set(held.map((h) => h.customerId))];
    const tags = [...new Set(held.map((h) => h.tagId))];
    const changed: string[] = [];
    for (let i = 0; i < customers.length; i += CHUNK) changed.push(...(await this.writer.remove(tenantId, customers.slice(i, i + CHUNK), tags, m, false)));
    return changed;
  }
}

/** One evaluation of a rule at a time, across processes (the incremental job and the nightly batch may meet). */
function lockRule(m: EntityManager, ruleId: string): Promise<unknown> {
  return m.query(`SELECT pg_advisory_xact_lock(hashtext('tag-rule:' || $1))`, [ruleId]);
}
