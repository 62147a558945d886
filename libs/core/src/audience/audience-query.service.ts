import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AudienceRule } from './audience-rule';
import { AUDIENCE_CUSTOMER_COLUMNS, AudienceCustomer } from './audience-customer';
import { AudienceMatcherService } from './audience-matcher.service';
import { AudienceValidator } from './audience-validator';
import { csvLine } from './csv';
import { SqlParams } from './sql-params';

/** A caller's view of audiences: every rule is checked for the caller's role (hidden tags are unknown to it). */
export interface AudienceCaller {
  tenantId: string;
  role: string;
}

const EXPORT_PAGE = 1_000;
const EXPORT_FIELDS = ['id', 'external_userid', 'name', 'gender', 'type', 'corp_name', 'position', 'first_seen_at', 'last_seen_at'];

/** Count, sample, list and export of the customers a rule selects. */
@Injectable()
export class AudienceQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly matcher: AudienceMatcherService,
    private readonly validator: AudienceValidator,
  ) {}

  async count(caller: AudienceCaller, rule: AudienceRule): Promise<{ count: number }> {
    await this.matcher.validate(caller.tenantId, rule, 'rule', { role: caller.role });
    return { count: await this.matcher.count(caller.tenantId, rule) };
  }

  /** `n` customers picked at random (a fresh pick every call). */
  async sample(caller: AudienceCaller, rule: AudienceRule, n: number): Promise<{ items: AudienceCustomer[] }> {
    const q = await this.matcher.compile(caller.tenantId, rule, { role: caller.role });
    const items = (await this.db.query(
      `SELECT ${AUDIENCE_CUSTOMER_COLUMNS} FROM customers c WHERE ${q.where} ORDER BY random() LIMIT ${q.params.add(n, 'int')}`,
      q.params.values,
    )) as AudienceCustomer[];
    return { items };
  }

  /** A page in id order; `cursor` is the last id of the previous page, `nextCursor` null on the last page. */
  async list(caller: AudienceCaller, rule: AudienceRule, cursor: string | undefined, limit: number): Promise<{ items: AudienceCustomer[]; nextCursor: string | null }> {
    const q = await this.matcher.compile(caller.tenantId, rule, { role: caller.role });
    const items = await this.page(q, cursor ?? null, limit + 1);
    const more = items.length > limit;
    if (more) items.pop();
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }

  /**
   * The CSV of an audience, produced page by page so a million rows never sit in memory. Checked before the first
   * byte, so a bad rule is still a 400.
   */
  async export(caller: AudienceCaller, rule: AudienceRule): Promise<AsyncIterable<string>> {
    const q = await this.matcher.compile(caller.tenantId, rule, { role: caller.role });
    const keys = [...(await this.validator.attributes(caller.tenantId)).keys()].sort();
    const page = (after: string | null) => this.page({ where: q.where, params: q.params.clone() }, after, EXPORT_PAGE);
    return (async function* () {
      yield csvLine([...EXPORT_FIELDS, ...keys]);
      let after: string | null = null;
      for (;;) {
        const rows: AudienceCustomer[] = await page(after);
        if (rows.length === 0) return;
        yield rows
          .map((c) => csvLine([c.id, c.externalUserId, c.name, c.gender, c.type, c.corpName, c.position, c.firstSeenAt, c.lastSeenAt, ...keys.map((k) => c.attributes?.[k])]))
          .join('');
        after = rows[rows.length - 1].id;
        if (rows.length < EXPORT_PAGE) return;
      }
    })();
  }

  private async page(q: { where: string; params: SqlParams }, after: string | null, limit: number): Promise<AudienceCustomer[]> {
    const cursor = after ? ` AND c.id > ${q.params.add(after, 'uuid')}` : '';
    return (await this.db.query(
      `SELECT ${AUDIENCE_CUSTOMER_COLUMNS} FROM customers c WHERE ${q.where}${cursor} ORDER BY c.id LIMIT ${q.params.add(limit, 'int')}`,
      q.params.values,
    )) as AudienceCustomer[];
  }
}
