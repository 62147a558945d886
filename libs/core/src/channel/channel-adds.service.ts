import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgPool } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { localMoment } from '../clock/local-time';
import { CustomerAddedPayload, CustomerDeletedPayload } from '../events/domain-events';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { Channel } from './channel.entity';
import { ChannelService } from './channel.service';

/**
 * The add and the customer's first/latest channel in one statement (so one round trip and no transaction per add):
 * the second insert only runs when the first stored a new add, as a replay must not move the latest channel.
 */
const RECORD_ADD = {
  name: 'channel-record-add',
  text: `WITH added AS (
           INSERT INTO channel_adds (tenant_id, channel_id, user_id, external_user_id, added_at, day)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id
         ), latest AS (
           INSERT INTO customer_channels (tenant_id, external_user_id, first_channel_id, first_at, latest_channel_id, latest_at)
           SELECT $1, $4, $2, $5, $2, $5 WHERE EXISTS (SELECT 1 FROM added)
           ON CONFLICT (tenant_id, external_user_id) DO UPDATE
             SET latest_channel_id = EXCLUDED.latest_channel_id, latest_at = EXCLUDED.latest_at, updated_at = now()
             WHERE customer_channels.latest_at <= EXCLUDED.latest_at
         )
         SELECT count(*)::int AS n FROM added`,
};

/** Records adds through channels and their ends: the facts behind daily limits, stats and first/latest channel. */
@Injectable()
export class ChannelAddsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: ChannelService,
    private readonly zones: TenantTimeZones,
    private readonly clock: Clock,
  ) {}

  /** The channel of the add, and whether this call recorded it (false on a replay or without a channel). */
  async recordAdd(p: CustomerAddedPayload): Promise<{ channel: Channel | null; recorded: boolean }> {
    if (!p.state) return { channel: null, recorded: false };
    const channel = await this.channels.findByState(p.tenantId, p.state);
    if (!channel) return { channel: null, recorded: false };
    const timezone = await this.zones.zoneOf(p.tenantId);
    // The day is the tenant's, as processed now: the same day the daily limit counts in.
    const day = localMoment(this.clock.now(), timezone).date;
    const at = new Date(p.at);
    const res = await pgPool(this.db).query<{ n: number }>({ ...RECORD_ADD, values: [p.tenantId, channel.id, p.userId, p.externalUserId, at, day] });
    const recorded = res.rows[0].n > 0;
    return { channel, recorded };
  }

  /** Closes the open add of this relationship, if it came through a channel. Idempotent. */
  async recordDelete(p: CustomerDeletedPayload): Promise<void> {
    const timezone = await this.zones.zoneOf(p.tenantId);
    const removedDay = localMoment(this.clock.now(), timezone).date;
    await this.db.query(
      `UPDATE channel_adds SET removed_at = $4, removed_day = $5, removed_by = $6, updated_at = now()
       WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3 AND removed_at IS NULL`,
      [p.tenantId, p.userId, p.externalUserId, new Date(p.at), removedDay, p.by],
    );
  }

  async channelsOf(tenantId: string, externalUserId: string): Promise<{ first: Channel; firstAt: Date; latest: Channel; latestAt: Date } | null> {
    const [row] = await this.db.query(
      `SELECT first_channel_id, first_at, latest_channel_id, latest_at FROM customer_channels WHERE tenant_id = $1 AND external_user_id = $2`,
      [tenantId, externalUserId],
    );
    if (!row) return null;
    return {
      first: await this.channels.get(tenantId, row.first_channel_id),
      firstAt: row.first_at,
      latest: await this.channels.get(tenantId, row.latest_channel_id),
      latestAt: row.latest_at,
    };
  }
}
