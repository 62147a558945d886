import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { ChannelService } from './channel.service';

export interface DayStats {
  day: string;
  adds: number;
  deletedByCustomer: number;
  deletedByMember: number;
  /** adds minus both kinds of deletions that day. */
  netAdds: number;
  /** Of that day's adds, how many were still there 1 / 7 / 30 days later; null until that much time has passed. */
  retained1d: number | null;
  retained7d: number | null;
  retained30d: number | null;
}

export interface ChannelStats {
  channelId: string;
  from: string;
  to: string;
  days: DayStats[];
  members: (DayStats & { userId: string })[];
}

const RETENTION_DAYS = [1, 7, 30] as const;

/** Per-day and per-member figures, computed from channel_adds (one row per add, closed when it ends). */
@Injectable()
export class ChannelStatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: ChannelService,
    private readonly zones: TenantTimeZones,
    private readonly clock: Clock,
  ) {}

  async stats(tenantId: string, channelId: string, range: { from?: string; to?: string }): Promise<ChannelStats> {
    await this.channels.get(tenantId, channelId);
    const timezone = await this.zones.zoneOf(tenantId);
    const now = DateTime.fromJSDate(this.clock.now(), { zone: timezone });
    const to = range.to ?? (now.toISODate() as string);
    const from = range.from ?? (DateTime.fromISO(to).minus({ days: 29 }).toISODate() as string);
    const addRows: Record<string, string>[] = await this.db.query(
      `SELECT day::text AS day, user_id, count(*) AS adds,
         count(*) FILTER (WHERE removed_at IS NULL OR removed_at >= added_at + interval '1 day') AS r1,
         count(*) FILTER (WHERE removed_at IS NULL OR removed_at >= added_at + interval '7 days') AS r7,
         count(*) FILTER (WHERE removed_at IS NULL OR removed_at >= added_at + interval '30 days') AS r30
       FROM channel_adds WHERE tenant_id = $1 AND channel_id = $2 AND day BETWEEN $3 AND $4 GROUP BY 1, 2`,
      [tenantId, channelId, from, to],
    );
    const delRows: Record<string, string>[] = await this.db.query(
      `SELECT removed_day::text AS day, user_id,
         count(*) FILTER (WHERE removed_by = 'customer') AS by_customer,
         count(*) FILTER (WHERE removed_by = 'member') AS by_member
       FROM channel_adds WHERE tenant_id = $1 AND channel_id = $2 AND removed_day BETWEEN $3 AND $4 GROUP BY 1, 2`,
      [tenantId, channelId, from, to],
    );
    const cells = new Map<string, DayStats & { userId: string }>();
    const cell = (day: string, userId: string) => {
      const key = `${day}|${userId}`;
      if (!cells.has(key)) cells.set(key, { userId, ...emptyDay(day, now, timezone) });
      return cells.get(key)!;
    };
    for (const r of addRows) {
      const c = cell(r.day, r.user_id);
      c.adds = Number(r.adds);
      c.retained1d = c.retained1d === null ? null : Number(r.r1);
      c.retained7d = c.retained7d === null ? null : Number(r.r7);
      c.retained30d = c.retained30d === null ? null : Number(r.r30);
    }
    for (const r of delRows) Object.assign(cell(r.day, r.user_id), { deletedByCustomer: Number(r.by_customer), deletedByMember: Number(r.by_member) });
    const members = [...cells.values()].map(withNet).sort((a, b) => a.day.localeCompare(b.day) || a.userId.localeCompare(b.userId));
    return { channelId, from, to, days: sumByDay(members, now, timezone), members };
  }
}

function emptyDay(day: string, now: DateTime, timezone: string): DayStats {
  // A day's adds can be judged after N days once the whole day plus N days lies in the past.
  const dayEnd = DateTime.fromISO(day, { zone: timezone }).plus({ days: 1 });
  const judged = (n: number) => (now >= dayEnd.plus({ days: n }) ? 0 : null);
  const [r1, r7, r30] = RETENTION_DAYS.map(judged);
  return { day, adds: 0, deletedByCustomer: 0, deletedByMember: 0, netAdds: 0, retained1d: r1, retained7d: r7, retained30d: r30 };
}

function withNet<T extends DayStats>(d: T): T {
  return { ...d, netAdds: d.adds - d.deletedByCustomer - d.deletedByMember };
}

function sumByDay(members: DayStats[], now: DateTime, timezone: string): DayStats[] {
  const days = new Map<string, DayStats>();
  for (const m of members) {
    const d = days.get(m.day) ?? emptyDay(m.day, now, timezone);
    d.adds += m.adds;
    d.deletedByCustomer += m.deletedByCustomer;
    d.deletedByMember += m.deletedByMember;
    d.netAdds += m.netAdds;
    for (const k of ['retained1d', 'retained7d', 'retained30d'] as const) if (d[k] !== null) d[k] = (d[k] as number) + (m[k] ?? 0);
    days.set(m.day, d);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
