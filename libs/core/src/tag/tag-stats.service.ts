import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { TagCatalogueRead } from './tag-catalogue.read';
import { TagCaller } from './tag-input';

export interface TagStats {
  tagId: string;
  /** Customers who have the tag now. */
  customers: number;
  /** Customers of the tenant (every customer we hold). */
  totalCustomers: number;
  /** customers / totalCustomers, 0 when the tenant has none. */
  coverage: number;
  from: string;
  to: string;
  /** Customers who newly got the tag, per local day (every day of the range, zeros included). */
  additions: Array<{ day: string; count: number }>;
}

const MAX_DAYS = 366;

@Injectable()
export class TagStatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly read: TagCatalogueRead,
    private readonly zones: TenantTimeZones,
    private readonly clock: Clock,
  ) {}

  async stats(tenantId: string, caller: TagCaller, tagId: string, range: { from?: string; to?: string }): Promise<TagStats> {
    await this.read.tag(tenantId, caller, tagId);
    const zone = await this.zones.zoneOf(tenantId);
    const to = range.to ?? (DateTime.fromJSDate(this.clock.now(), { zone }).toISODate() as string);
    const from = range.from ?? (DateTime.fromISO(to).minus({ days: 29 }).toISODate() as string);
    const span = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;
    if (span < 0) throw fieldError('from', 'must not be after `to`');
    if (span >= MAX_DAYS) throw fieldError('from', `at most ${MAX_DAYS} days`);
    const [{ customers, total }] = (await this.db.query(
      `SELECT (SELECT count(*) FROM customer_tags WHERE tenant_id = $1 AND tag_id = $2)::int AS customers,
              (SELECT count(*) FROM customers WHERE tenant_id = $1)::int AS total`,
      [tenantId, tagId],
    )) as Array<{ customers: number; total: number }>;
    const additions = (await this.db.query(
      `SELECT d::date::text AS day, coalesce(a.count, 0)::int AS count
         FROM generate_series($3::date, $4::date, interval '1 day') AS d
         LEFT JOIN tag_daily_additions a ON a.tenant_id = $1 AND a.tag_id = $2 AND a.day = d::date
        ORDER BY d`,
      [tenantId, tagId, from, to],
    )) as Array<{ day: string; count: number }>;
    return { tagId, customers, totalCustomers: total, coverage: total ? customers / total : 0, from, to, additions };
  }
}
