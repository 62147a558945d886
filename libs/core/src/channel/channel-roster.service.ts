import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, JobName, JobQueue, TenantRepository } from '@scrm/platform';
import { IsNull, Repository } from 'typeorm';
import { Clock } from '../clock/clock';
import { localMoment } from '../clock/local-time';
import { TenantService } from '../tenant/tenant.service';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { ChannelAdd } from './channel-add.entity';
import { ChannelLock } from './channel-lock';
import { Channel } from './channel.entity';
import { computeRoster, Roster } from './roster';

let sequence = 0;
/** Channels whose debounce windows this process already asked for: latest bucket per channel, bounded. */
const MAX_REQUESTED = 10_000;

/** Keeps each contact way's member list equal to computeRoster(): debounced, serialised per channel. */
@Injectable()
export class ChannelRosterService {
  private readonly channels: TenantRepository<Channel>;
  private readonly requested = new Map<string, string>();

  constructor(
    @InjectRepository(Channel) repo: Repository<Channel>,
    @InjectRepository(ChannelAdd) private readonly adds: Repository<ChannelAdd>,
    private readonly tenants: TenantService,
    private readonly zones: TenantTimeZones,
    private readonly clock: Clock,
    private readonly wecom: TenantWeCom,
    private readonly lock: ChannelLock,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {
    this.channels = new TenantRepository(repo, 'Channel');
  }

  /** The list the contact way should carry now; a channel not saved yet has no adds. */
  async desired(tenantId: string, channel: Pick<Channel, 'id' | 'strategy' | 'members' | 'dailyLimit' | 'backupUserIds' | 'schedule'>): Promise<Roster> {
    const timezone = await this.zones.zoneOf(tenantId);
    const at = localMoment(this.clock.now(), timezone);
    const counts = channel.id ? await this.addsOn(tenantId, channel.id, at.date) : new Map<string, number>();
    return computeRoster(channel, at, counts);
  }

  /**
   * Debounce: every add in one window maps to the same jobId, and that job runs when the window closes,
   * so it reads every add of the window (each add commits before it asks for a sync).
   */
  async requestSync(tenantId: string, channelId: string): Promise<void> {
    const window = this.config.env.CHANNEL_ROSTER_DEBOUNCE_MS;
    const now = Date.now();
    const bucket = window > 0 ? String(Math.floor(now / window)) : `${now}-${++sequence}`;
    const delay = window > 0 ? (Math.floor(now / window) + 1) * window - now : 0;
    // The window's job is already queued by this process (same jobId): asking Redis again for every add of a busy
    // channel would be a no-op round trip. Were that job lost with Redis, the minute tick re-checks every channel.
    const key = `${tenantId}:${channelId}`;
    if (window > 0 && this.requested.get(key) === bucket) return;
    await this.jobs.add(
      JobName.SyncChannelRoster,
      { tenantId, channelId },
      { jobId: `roster:${tenantId}:${channelId}:${bucket}`, delay, removeOnComplete: true },
    );
    if (this.requested.size >= MAX_REQUESTED) this.requested.clear();
    this.requested.set(key, bucket);
  }

  /** Time moves members in and out (slots, midnight): the worker's tick asks every live channel to re-check. */
  async requestSyncForAll(): Promise<number> {
    let n = 0;
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      for (const c of await this.channels.find(tenant.id, { where: { enabled: true, deletedAt: IsNull() }, select: ['tenantId', 'id'] })) {
        await this.requestSync(tenant.id, c.id);
        n++;
      }
    }
    return n;
  }

  async sync(tenantId: string, channelId: string): Promise<'updated' | 'unchanged' | 'skipped'> {
    return this.lock.run(tenantId, channelId, async () => {
      const channel = await this.channels.findOne(tenantId, { id: channelId });
      if (!channel || channel.deletedAt || !channel.enabled || !channel.configId) return 'skipped';
      const roster = await this.desired(tenantId, channel);
      if (sameMembers(roster.userIds, channel.listedUserIds)) return 'unchanged';
      const client = await this.wecom.client(tenantId);
      await client.contactWays.update({ config_id: channel.configId, user: roster.userIds });
      await this.channels.update(tenantId, { id: channelId }, { listedUserIds: roster.userIds });
      return 'updated';
    });
  }

  async addsOn(tenantId: string, channelId: string, day: string): Promise<Map<string, number>> {
    const rows: { user_id: string; n: string }[] = await this.adds.query(
      `SELECT user_id, count(*) AS n FROM channel_adds WHERE tenant_id = $1 AND channel_id = $2 AND day = $3 GROUP BY user_id`,
      [tenantId, channelId, day],
    );
    return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
  }
}

export function sameMembers(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
