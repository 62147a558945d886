import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import type { AudienceMatcher } from './audience-matcher.port';
import type { AudienceRule } from './audience-rule';
import { compileRule, inSlice } from './audience-compiler';
import type { AttributeInfo } from './audience-fields';
import { AudienceValidator, ValidateOptions } from './audience-validator';
import { SqlParams } from './sql-params';

/** A rule compiled for one tenant: `where` (= `reachable` AND `predicate`) filters `customers c`; add further values to `params`. */
export interface CompiledAudience {
  where: string;
  /** The tenant's reachable customers, whatever the rule. */
  reachable: string;
  /** The rule alone. */
  predicate: string;
  /** Placeholder of the tenant id. */
  tenant: string;
  params: SqlParams;
}

export const ANALYTIC_SETTINGS = `SET LOCAL work_mem = '64MB'; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0`;

/**
 * A count runs as one query per slice of the customer id space, at once on as many connections, in one snapshot.
 * Counts merge-join id-ordered index ranges (tags, the event summary, reachable customers): Postgres' parallel plans
 * would re-read every inner range in each worker, while slices split every range. Two: the cores of one node.
 */
const COUNT_SLICES: Array<{ from?: string; to?: string }> = [{ to: '80000000-0000-0000-0000-000000000000' }, { from: '80000000-0000-0000-0000-000000000000' }];

/**
 * "Customers" of an audience are the tenant's customers with at least one active relationship: a customer every
 * member deleted (or who deleted them all) can no longer be reached, so no audience targets them.
 * The count is kept exact by triggers in the same transaction as any relationship change (migration CustomerReachability), and
 * indexed (tenant_id, id) over reachable customers: a count merges that index with the rule's tag rows in id order
 * instead of hashing every active relationship by external_user_id (6 s → under 1 s of CPU on 1M customers).
 */
export const REACHABLE_CUSTOMER = `c.active_relationships > 0`;

/** AUDIENCE_MATCHER: rules to parameterised SQL over one tenant's reachable customers. */
@Injectable()
export class AudienceMatcherService implements AudienceMatcher {
  private connecting: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly validator: AudienceValidator,
    private readonly clock: Clock,
  ) {}

  async validate(tenantId: string, rule: AudienceRule, path = 'rule', opts: ValidateOptions = {}): Promise<void> {
    await this.validator.check(tenantId, rule, path, opts);
  }

  /**
   * Checks the rule's shape and attributes (a 400 naming the path otherwise) and compiles it. References are not
   * re-checked: a saved rule whose tag was deleted since simply matches nobody through that leaf.
   */
  async compile(tenantId: string, rule: AudienceRule, opts: ValidateOptions = { references: false }): Promise<CompiledAudience> {
    const attributes = await this.validator.check(tenantId, rule, 'rule', opts);
    return this.build(tenantId, rule, attributes, this.clock.now());
  }

  private build(tenantId: string, rule: AudienceRule, attributes: Map<string, AttributeInfo>, now: Date, ids?: { from?: string; to?: string }): CompiledAudience {
    const params = new SqlParams();
    const tenant = params.add(tenantId, 'uuid');
    const slice = ids && { from: ids.from && params.add(ids.from, 'uuid'), to: ids.to && params.add(ids.to, 'uuid') };
    const predicate = compileRule(rule, { tenant, params, attributes, now, slice });
    const reachable = `c.tenant_id = ${tenant} AND ${REACHABLE_CUSTOMER}${slice ? inSlice('c.id', { slice }) : ''}`;
    return { where: `${reachable} AND ${predicate}`, reachable, predicate, tenant, params };
  }

  async count(tenantId: string, rule: AudienceRule): Promise<number> {
    const attributes = await this.validator.check(tenantId, rule, 'rule', { references: false });
    const now = this.clock.now();
    const slices = COUNT_SLICES.map((ids) => this.build(tenantId, rule, attributes, now, ids));
    const counts = await this.inOneSnapshot(slices.map((q) => ({ sql: `SELECT count(*)::int AS n FROM customers c WHERE ${q.where}`, params: q.params.values })));
    return counts.reduce((sum, rows) => sum + (rows as Array<{ n: number }>)[0].n, 0);
  }

  /**
   * Runs the queries at once, one connection each, all reading the snapshot of the first (pg_export_snapshot), so
   * the answer is that of one moment as a single query's would be.
   */
  private async inOneSnapshot(queries: Array<{ sql: string; params: unknown[] }>): Promise<unknown[][]> {
    const runners = queries.map(() => this.db.createQueryRunner());
    let opened = false;
    try {
      // One count at a time takes its connections: two counts each holding one connection of an exhausted pool would
      // wait for each other forever.
      const connected = this.connecting.then(() => Promise.all(runners.map((r) => r.connect())));
      this.connecting = connected.catch(() => undefined);
      await connected;
      opened = true;
      await runners[0].query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ snapshot }] = (await runners[0].query('SELECT pg_export_snapshot() AS snapshot')) as Array<{ snapshot: string }>;
      await Promise.all(
        runners.slice(1).map(async (r) => {
          await r.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          // The id comes from Postgres (hex and dashes); SET takes no bind parameters.
          await r.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/[^0-9A-Fa-f-]/g, '')}'`);
        }),
      );
      return await Promise.all(
        runners.map(async (r, i) => {
          await r.query(ANALYTIC_SETTINGS);
          return r.query(queries[i].sql, queries[i].params) as Promise<unknown[]>;
        }),
      );
    } finally {
      await Promise.all(
        runners.map(async (r) => {
          if (opened) await r.query('ROLLBACK').catch(() => undefined);
          await r.release();
        }),
      );
    }
  }

  /**
   * A query over a whole tenant (counts, analysis): hash joins of a few hundred thousand ids each. The default 4 MB
   * work_mem splits them into batches on disk, so this one transaction gets enough to keep them in memory; and JIT
   * compiling cost ~175 ms of every 1M-customer count (seen in the profiles benchmark's plan) for no gain.
   */
  analytic(sql: string, params: unknown[]): Promise<unknown[]> {
    return this.db.transaction(async (m) => {
      await m.query(ANALYTIC_SETTINGS);
      return m.query(sql, params);
    });
  }

  async filter(tenantId: string, rule: AudienceRule, customerIds: string[]): Promise<Set<string>> {
    if (customerIds.length === 0) return new Set();
    const q = await this.compile(tenantId, rule);
    const ids = q.params.add(customerIds.filter(isUuid), 'uuid[]');
    const rows = (await this.db.query(`SELECT c.id FROM customers c WHERE ${q.where} AND c.id = ANY(${ids})`, q.params.values)) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  async page(tenantId: string, rule: AudienceRule, afterId: string | null, limit: number): Promise<string[]> {
    const q = await this.compile(tenantId, rule);
    const after = afterId && isUuid(afterId) ? ` AND c.id > ${q.params.add(afterId, 'uuid')}` : '';
    const rows = (await this.db.query(
      `SELECT c.id FROM customers c WHERE ${q.where}${after} ORDER BY c.id LIMIT ${q.params.add(Math.max(0, Math.floor(limit)), 'int')}`,
      q.params.values,
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(v: string): boolean {
  return UUID.test(v);
}
