import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestSystem } from '../support/test-system';

/** Direct SQL seeding of one tenant's profile store: audience specs need exact shapes the WeCom flow cannot make quickly. */
export class ProfileSeed {
  constructor(
    private readonly db: DataSource,
    readonly tenantId: string,
  ) {}

  static of(sys: TestSystem, tenantId: string): ProfileSeed {
    return new ProfileSeed(sys.api.get(DataSource), tenantId);
  }

  async tagGroup(name: string, opts: { kind?: string; allowedRoles?: string[] | null; categoryId?: string | null } = {}): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO tag_groups (tenant_id, name, kind, allowed_roles, category_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [this.tenantId, name, opts.kind ?? 'manual', opts.allowedRoles ?? null, opts.categoryId ?? null],
    );
    return row.id;
  }

  async tag(groupId: string, name: string, kind = 'manual'): Promise<string> {
    const [row] = await this.db.query(`INSERT INTO tags (tenant_id, group_id, name, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [
      this.tenantId,
      groupId,
      name,
      kind,
    ]);
    return row.id;
  }

  async attribute(key: string, type: string, allowedValues: string[] | null = null, label = key): Promise<void> {
    await this.db.query(`INSERT INTO attribute_definitions (tenant_id, key, label, type, allowed_values) VALUES ($1, $2, $3, $4, $5)`, [
      this.tenantId,
      key,
      label,
      type,
      allowedValues,
    ]);
  }

  async staff(userId: string, name = userId): Promise<void> {
    await this.db.query(`INSERT INTO staff_members (tenant_id, user_id, name, status, follow_user) VALUES ($1, $2, $3, 1, true) ON CONFLICT DO NOTHING`, [
      this.tenantId,
      userId,
      name,
    ]);
  }

  async channel(name: string): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO channels (tenant_id, name, state, strategy, members) VALUES ($1, $2, $3, 'random', '[]') RETURNING id`,
      [this.tenantId, name, `s-${randomBytes(6).toString('hex')}`],
    );
    return row.id;
  }

  async groupChat(chatId: string, name = chatId, memberIds: string[] = []): Promise<void> {
    await this.db.query(`INSERT INTO group_chats (tenant_id, chat_id, name, owner) VALUES ($1, $2, $3, 'owner')`, [this.tenantId, chatId, name]);
    for (const id of memberIds) await this.joinGroup(chatId, id);
  }

  async joinGroup(chatId: string, externalUserId: string, type = 2): Promise<void> {
    await this.db.query(`INSERT INTO group_chat_members (tenant_id, chat_id, member_id, type, joined_at) VALUES ($1, $2, $3, $4, now())`, [
      this.tenantId,
      chatId,
      externalUserId,
      type,
    ]);
  }

  /** A customer with one relationship (active unless said otherwise); answers customers.id. */
  async customer(
    name: string,
    opts: {
      externalUserId?: string;
      unionid?: string;
      gender?: number;
      attributes?: Record<string, unknown>;
      tags?: Record<string, number>;
      staff?: string;
      status?: string;
      addedAt?: Date;
      channelId?: string;
      remark?: string;
    } = {},
  ): Promise<string> {
    const ext = opts.externalUserId ?? `wm${randomBytes(8).toString('hex')}`;
    const addedAt = opts.addedAt ?? new Date();
    const [row] = await this.db.query(
      `INSERT INTO customers (tenant_id, external_user_id, name, gender, unionid, type, first_seen_at, last_seen_at, attributes)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $6, $7) RETURNING id`,
      [this.tenantId, ext, name, opts.gender ?? null, opts.unionid ?? null, addedAt, JSON.stringify(opts.attributes ?? {})],
    );
    await this.relationship(ext, opts.staff ?? 'zhangsan', { status: opts.status, addedAt, remark: opts.remark });
    for (const [tagId, weight] of Object.entries(opts.tags ?? {})) await this.tagCustomer(row.id, tagId, weight);
    if (opts.channelId) await this.channelAdd(opts.channelId, ext, opts.staff ?? 'zhangsan', addedAt);
    return row.id;
  }

  async relationship(externalUserId: string, userId: string, opts: { status?: string; addedAt?: Date; remark?: string } = {}): Promise<void> {
    await this.db.query(
      `INSERT INTO relationships (tenant_id, user_id, external_user_id, status, status_at, added_at, add_way, remark)
       VALUES ($1, $2, $3, $4, $5, $5, 1, $6)`,
      [this.tenantId, userId, externalUserId, opts.status ?? 'active', opts.addedAt ?? new Date(), opts.remark ?? ''],
    );
  }

  async tagCustomer(customerId: string, tagId: string, weight = 1, source = 'admin'): Promise<void> {
    await this.db.query(
      `INSERT INTO customer_tags (tenant_id, customer_id, tag_id, weight, source) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, customer_id, tag_id) DO UPDATE SET weight = EXCLUDED.weight`,
      [this.tenantId, customerId, tagId, weight, source],
    );
  }

  async channelAdd(channelId: string, externalUserId: string, userId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO channel_adds (tenant_id, channel_id, user_id, external_user_id, added_at, day) VALUES ($1, $2, $3, $4, $5::timestamptz, ($5::timestamptz)::date)`,
      [this.tenantId, channelId, userId, externalUserId, at],
    );
    await this.db.query(
      `INSERT INTO customer_channels (tenant_id, external_user_id, first_channel_id, first_at, latest_channel_id, latest_at)
       VALUES ($1, $2, $3, $4, $3, $4) ON CONFLICT (tenant_id, external_user_id) DO UPDATE SET latest_channel_id = $3, latest_at = $4`,
      [this.tenantId, externalUserId, channelId, at],
    );
  }

  async event(customerId: string, type: string, at: Date, properties: Record<string, unknown> = {}): Promise<void> {
    await this.db.query(
      `INSERT INTO customer_events (tenant_id, customer_id, type, occurred_at, properties, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)`,
      [this.tenantId, customerId, type, at, JSON.stringify(properties), randomBytes(12).toString('hex')],
    );
  }
}
