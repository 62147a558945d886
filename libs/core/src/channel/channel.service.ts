import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { columnsOf, fieldError, pgPool, TenantRepository } from '@scrm/platform';
import { randomBytes } from 'node:crypto';
import { FindOptionsWhere, IsNull, Repository } from 'typeorm';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { ChannelInput, normaliseMembers } from './channel-input';
import { ChannelLock } from './channel-lock';
import { ChannelRosterService } from './channel-roster.service';
import { Channel } from './channel.entity';

export interface ChannelFilter {
  category?: string;
  enabled?: boolean;
  includeDeleted?: boolean;
}

/** Channel definitions and their WeCom contact ways. WeCom is called first; a refusal (502) leaves no row. */
@Injectable()
export class ChannelService {
  readonly channels: TenantRepository<Channel>;
  private readonly byState: { name: string; text: string };

  constructor(
    @InjectRepository(Channel) private readonly repo: Repository<Channel>,
    private readonly wecom: TenantWeCom,
    private readonly roster: ChannelRosterService,
    private readonly lock: ChannelLock,
  ) {
    this.channels = new TenantRepository(repo, 'Channel');
    this.byState = { name: 'channel-by-state', text: `SELECT ${columnsOf(repo.metadata)} FROM channels WHERE tenant_id = $1 AND state = $2` };
  }

  async create(tenantId: string, input: ChannelInput): Promise<Channel> {
    const state = input.state ?? `ch_${randomBytes(6).toString('hex')}`;
    if (await this.channels.findOne(tenantId, { state })) throw new ConflictException(`state: '${state}' is already used by another channel`);
    const channel = this.channels.create(tenantId, { ...this.fields(input), state, enabled: true });
    await this.checkAgainstWeCom(tenantId, channel);
    const roster = await this.roster.desired(tenantId, channel);
    const client = await this.wecom.client(tenantId);
    // A refusal (WeComApiError) leaves before any row is written; the exception filter makes it a 502.
    const way = await client.contactWays.add({
      type: 2,
      scene: 2,
      state,
      user: roster.userIds,
      skip_verify: channel.skipVerify,
      ...(channel.remark ? { remark: channel.remark } : {}),
    });
    Object.assign(channel, { configId: way.config_id, qrCode: way.qr_code ?? null, listedUserIds: roster.userIds });
    try {
      return await this.channels.save(channel);
    } catch (e) {
      // The row could not be written (e.g. a concurrent create took the state): do not leave an orphan QR code.
      await client.contactWays.del(way.config_id).catch(() => undefined);
      throw e;
    }
  }

  async update(tenantId: string, id: string, input: Partial<ChannelInput>): Promise<Channel> {
    return this.lock.run(tenantId, id, async () => {
      // Read under the lock: an edit merged onto a row read before it could bring back an older member list.
      const current = await this.getLive(tenantId, id);
      if (input.state !== undefined && input.state !== current.state) throw fieldError('state', 'cannot be changed: printed QR codes carry it');
      const channel = Object.assign(current, this.fields({ ...current, ...input } as ChannelInput));
      await this.checkAgainstWeCom(tenantId, channel);
      const roster = channel.enabled ? (await this.roster.desired(tenantId, channel)).userIds : channel.listedUserIds;
      const client = await this.wecom.client(tenantId);
      await client.contactWays.update({
        config_id: channel.configId as string,
        user: roster,
        skip_verify: channel.skipVerify,
        remark: channel.remark ?? '',
      });
      channel.listedUserIds = roster;
      return this.channels.save(channel);
    });
  }

  /** Disabled: the QR code keeps working in WeCom (it cannot be paused), but we stop tagging, rotating and channel welcomes. */
  async setEnabled(tenantId: string, id: string, enabled: boolean): Promise<Channel> {
    await this.getLive(tenantId, id);
    await this.channels.update(tenantId, { id }, { enabled });
    if (enabled) await this.roster.requestSync(tenantId, id);
    return this.getLive(tenantId, id);
  }

  /** Removes the contact way in WeCom; the row, its adds and its stats stay. */
  async remove(tenantId: string, id: string): Promise<void> {
    const channel = await this.getLive(tenantId, id);
    const client = await this.wecom.client(tenantId);
    if (channel.configId) await client.contactWays.del(channel.configId as string);
    await this.channels.update(tenantId, { id }, { deletedAt: new Date(), enabled: false });
  }

  list(tenantId: string, filter: ChannelFilter = {}): Promise<Channel[]> {
    const where: FindOptionsWhere<Channel> = {};
    if (filter.category !== undefined) where.category = filter.category;
    if (filter.enabled !== undefined) where.enabled = filter.enabled;
    if (!filter.includeDeleted) where.deletedAt = IsNull();
    return this.channels.find(tenantId, { where, order: { createdAt: 'DESC' } });
  }

  get(tenantId: string, id: string): Promise<Channel> {
    return this.channels.get(tenantId, { id });
  }

  /** Every add asks this (the welcome, then the add's count): one prepared statement, no query builder. */
  async findByState(tenantId: string, state: string): Promise<Channel | null> {
    if (!tenantId) throw new Error('Refusing a query without a tenant id');
    const res = await pgPool(this.repo.manager.connection).query<Channel>({ ...this.byState, values: [tenantId, state] });
    return res.rows[0] ?? null;
  }

  private async getLive(tenantId: string, id: string): Promise<Channel> {
    const channel = await this.channels.get(tenantId, { id });
    if (channel.deletedAt) throw new ConflictException('Channel was deleted');
    return channel;
  }

  private fields(input: ChannelInput): Partial<Channel> {
    return {
      name: input.name,
      category: input.category ?? null,
      strategy: input.strategy,
      members: normaliseMembers(input.members),
      dailyLimit: input.dailyLimit ?? null,
      backupUserIds: input.backupUserIds ?? [],
      schedule: input.schedule ?? null,
      skipVerify: input.skipVerify ?? true,
      tagIds: input.tagIds ?? [],
      remark: input.remark ?? null,
    };
  }

  /** What only WeCom knows: members who may have customers, tags that exist. 400 naming the field. */
  private async checkAgainstWeCom(tenantId: string, channel: Channel): Promise<void> {
    const client = await this.wecom.client(tenantId);
    const poolIds = new Set(channel.members.map((m) => m.userId));
    if (poolIds.size !== channel.members.length) throw fieldError('members', 'a member is listed twice');
    const allowed = new Set(await client.staff.getFollowUserList());
    channel.members.forEach((m, i) => {
      if (!allowed.has(m.userId)) throw fieldError(`members.${i}.userId`, `unknown member or no customer-contact permission: ${m.userId}`);
    });
    channel.backupUserIds.forEach((u, i) => {
      if (!allowed.has(u)) throw fieldError(`backupUserIds.${i}`, `unknown member or no customer-contact permission: ${u}`);
    });
    const slots = [...(channel.schedule?.weekly ?? []), ...(channel.schedule?.exceptions ?? []).flatMap((e) => e.slots)];
    for (const u of slots.flatMap((s) => s.userIds)) if (!poolIds.has(u)) throw fieldError('schedule', `${u} is not in the member pool`);
    if (channel.tagIds.length === 0) return;
    const known = new Set((await client.tags.list()).flatMap((g) => g.tag.map((t) => t.id)));
    channel.tagIds.forEach((t, i) => {
      if (!known.has(t)) throw fieldError(`tagIds.${i}`, `unknown tag: ${t}`);
    });
  }
}
