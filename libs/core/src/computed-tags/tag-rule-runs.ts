import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectRedis } from '@scrm/platform';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { TagRuleEvaluator } from './tag-rule-evaluator';
import { pendingKey } from './tag-rule-triggers';

/** Customers per incremental evaluation query. */
const DRAIN = 2_000;

/** What the worker's computed-tag jobs do. */
@Injectable()
export class TagRuleRuns {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly evaluator: TagRuleEvaluator,
  ) {}

  /** Evaluates every enabled rule for the customers waiting in the tenant's set, until it is empty. */
  async drainPending(tenantId: string): Promise<{ customers: number }> {
    const rules = await this.enabledRules(tenantId);
    let customers = 0;
    for (;;) {
      const ids = await this.redis.spop(pendingKey(tenantId), DRAIN);
      if (ids.length === 0) break;
      try {
        for (const ruleId of rules) await this.evaluator.evaluate(tenantId, ruleId, ids);
      } catch (err) {
        await this.redis.sadd(pendingKey(tenantId), ...ids); // back in the set for the retry
        throw err;
      }
      customers += ids.length;
    }
    return { customers };
  }

  /** One rule, or every enabled rule, over the whole tenant. */
  async runBatch(tenantId: string, ruleId: string | null): Promise<{ rules: number }> {
    const rules = ruleId ? [ruleId] : await this.enabledRules(tenantId);
    for (const id of rules) await this.evaluator.evaluate(tenantId, id, null);
    return { rules: rules.length };
  }

  private async enabledRules(tenantId: string): Promise<string[]> {
    const rows = (await this.db.query(`SELECT id FROM tag_rules WHERE tenant_id = $1 AND enabled ORDER BY created_at`, [tenantId])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }
}
