import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { TagVisibility } from '../tag/tag-visibility';
import type { AudienceRule } from './audience-rule';
import { AudienceDimension, DimensionRow, parseDimension } from './audience-dimension';
import { AudienceMatcherService } from './audience-matcher.service';
import type { AudienceCaller } from './audience-query.service';
import { lifecycleGroupId } from './lifecycle-tags';
import { SqlParams } from './sql-params';

const GENDER_LABELS: Record<string, string> = { '0': 'unknown', '1': 'male', '2': 'female' };

/**
 * The distribution of an audience over one dimension next to all reachable customers, in one scan: each customer is
 * evaluated once (hit = the rule) and counted in every bucket it falls in (a customer with two staff members counts
 * under both).
 */
@Injectable()
export class AudienceAnalysisService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly matcher: AudienceMatcherService,
    private readonly visibility: TagVisibility,
    private readonly zones: TenantTimeZones,
  ) {}

  async analyse(caller: AudienceCaller, rule: AudienceRule, input: unknown): Promise<{ rows: DimensionRow[] }> {
    const dimension = parseDimension(input);
    if (typeof dimension === 'string') throw fieldError('dimension', dimension);
    const q = await this.matcher.compile(caller.tenantId, rule, { role: caller.role });
    const bucket = await this.bucketSql(caller, dimension, q.params, q.tenant);
    const rows = (await this.matcher.analytic(
      `WITH base AS (SELECT c.id, c.external_user_id, c.gender, c.first_seen_at, (${q.predicate}) AS hit FROM customers c WHERE ${q.reachable})
       SELECT x.value, x.label, count(*) FILTER (WHERE b.hit)::int AS audience, count(*)::int AS "all"
         FROM base b ${bucket}
        GROUP BY x.value, x.label
        ORDER BY "all" DESC, x.value`,
      q.params.values,
    )) as DimensionRow[];
    return { rows: rows.map((r) => ({ ...r, label: r.label ?? (r.value === null ? '(none)' : r.value) })) };
  }

  /** A join producing x(value, label) for each customer of base b. */
  private async bucketSql(caller: AudienceCaller, d: AudienceDimension, p: SqlParams, tenant: string): Promise<string> {
    switch (d.kind) {
      case 'gender': {
        const labels = p.add(JSON.stringify(GENDER_LABELS), 'jsonb');
        return `CROSS JOIN LATERAL (SELECT coalesce(b.gender, 0)::text AS value, ${labels} ->> coalesce(b.gender, 0)::text AS label) x`;
      }
      case 'month_added': {
        const zone = p.add(await this.zones.zoneOf(caller.tenantId), 'text');
        return `CROSS JOIN LATERAL (SELECT to_char(b.first_seen_at AT TIME ZONE ${zone}, 'YYYY-MM') AS value, NULL::text AS label) x`;
      }
      case 'channel':
        // The first channel that brought the customer: where they came from.
        return `LEFT JOIN customer_channels cc ON cc.tenant_id = ${tenant} AND cc.external_user_id = b.external_user_id
          LEFT JOIN channels ch ON ch.tenant_id = ${tenant} AND ch.id = cc.first_channel_id
          CROSS JOIN LATERAL (SELECT cc.first_channel_id::text AS value, ch.name::text AS label) x`;
      case 'staff':
        return `JOIN relationships r ON r.tenant_id = ${tenant} AND r.external_user_id = b.external_user_id AND r.status = 'active'
          LEFT JOIN staff_members sm ON sm.tenant_id = ${tenant} AND sm.user_id = r.user_id
          CROSS JOIN LATERAL (SELECT r.user_id::text AS value, coalesce(nullif(sm.name, ''), r.user_id)::text AS label) x`;
      case 'tag_group':
      case 'lifecycle': {
        const groupId = d.kind === 'tag_group' ? d.id : await lifecycleGroupId(this.db, caller.tenantId);
        const field = d.kind === 'lifecycle' ? 'dimension' : 'dimension.id';
        if (!groupId) throw fieldError('dimension', 'no lifecycle tags exist yet (create a lifecycle rule first)');
        await this.checkGroup(caller, groupId, field);
        const g = p.add(groupId, 'uuid');
        return `LEFT JOIN LATERAL (SELECT t.id, t.name FROM customer_tags ct JOIN tags t ON t.tenant_id = ct.tenant_id AND t.id = ct.tag_id
                                     WHERE ct.tenant_id = ${tenant} AND ct.customer_id = b.id AND t.group_id = ${g} AND NOT t.deleted) tg ON true
          CROSS JOIN LATERAL (SELECT tg.id::text AS value, tg.name::text AS label) x`;
      }
    }
  }

  private async checkGroup(caller: AudienceCaller, groupId: string, field: string): Promise<void> {
    const [row] = (await this.db.query(`SELECT id FROM tag_groups WHERE tenant_id = $1 AND id = $2 AND NOT deleted`, [caller.tenantId, groupId])) as unknown[];
    const hidden = await this.visibility.hiddenGroupIds(caller.tenantId, caller.role);
    if (!row || hidden.has(groupId)) throw fieldError(field, 'unknown tag group');
  }
}
