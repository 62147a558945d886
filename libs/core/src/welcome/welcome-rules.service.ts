import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { columnsOf, fieldError, pgPool, TenantRepository } from '@scrm/platform';
import { In, Repository } from 'typeorm';
import { ChannelService } from '../channel/channel.service';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { WelcomeMedia } from './welcome-media.entity';
import { WELCOME_TEXT_MAX_BYTES, WelcomeRuleInput } from './welcome-rule-input';
import { WelcomeRule } from './welcome-rule.entity';
import { WelcomeAttachment } from './welcome.types';

@Injectable()
export class WelcomeRulesService {
  readonly rules: TenantRepository<WelcomeRule>;
  private readonly media: TenantRepository<WelcomeMedia>;
  private readonly candidatesSql: { name: string; text: string };

  constructor(
    @InjectRepository(WelcomeRule) private readonly repo: Repository<WelcomeRule>,
    @InjectRepository(WelcomeMedia) mediaRepo: Repository<WelcomeMedia>,
    private readonly channels: ChannelService,
    private readonly wecom: TenantWeCom,
  ) {
    this.rules = new TenantRepository(repo, 'Welcome rule');
    this.media = new TenantRepository(mediaRepo, 'Media');
    this.candidatesSql = {
      name: 'welcome-rule-candidates',
      text: `SELECT ${columnsOf(repo.metadata)} FROM welcome_rules
              WHERE tenant_id = $1 AND enabled AND (channel_id IS NULL OR channel_id = $2) AND (user_id IS NULL OR user_id = $3)`,
    };
  }

  async create(tenantId: string, input: WelcomeRuleInput): Promise<WelcomeRule> {
    const rule = this.rules.create(tenantId, this.fields(input));
    await this.check(tenantId, rule);
    return this.rules.save(rule);
  }

  async update(tenantId: string, id: string, input: Partial<WelcomeRuleInput>): Promise<WelcomeRule> {
    const rule = await this.rules.get(tenantId, { id });
    Object.assign(rule, this.fields({ ...rule, ...input } as WelcomeRuleInput));
    await this.check(tenantId, rule);
    return this.rules.save(rule);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.rules.get(tenantId, { id });
    await this.rules.delete(tenantId, { id });
  }

  list(tenantId: string, filter: { channelId?: string; userId?: string } = {}): Promise<WelcomeRule[]> {
    return this.rules.find(tenantId, { where: { ...filter }, order: { createdAt: 'ASC' } });
  }

  get(tenantId: string, id: string): Promise<WelcomeRule> {
    return this.rules.get(tenantId, { id });
  }

  /** Enabled rules that could apply to an add by this member through this channel. */
  // Runs for every add, on the welcome's 20-second path: one prepared statement, no query builder.
  async candidates(tenantId: string, channelId: string | null, userId: string): Promise<WelcomeRule[]> {
    if (!tenantId) throw new Error('Refusing a query without a tenant id');
    const res = await pgPool(this.repo.manager.connection).query<WelcomeRule>({ ...this.candidatesSql, values: [tenantId, channelId, userId] });
    return res.rows;
  }

  private fields(input: WelcomeRuleInput): Partial<WelcomeRule> {
    return {
      name: input.name,
      channelId: input.channelId ?? null,
      userId: input.userId ?? null,
      windows: input.windows ?? [],
      text: input.text ?? null,
      attachments: input.attachments ?? [],
      variants: input.variants ?? [],
      enabled: input.enabled ?? true,
    };
  }

  /** Checks only the service can make; each failure is a 400 naming the field. */
  private async check(tenantId: string, rule: WelcomeRule): Promise<void> {
    if (rule.channelId && !(await this.channels.channels.findOne(tenantId, { id: rule.channelId }))) throw fieldError('channelId', 'unknown channel');
    if (rule.userId) {
      const client = await this.wecom.client(tenantId);
      const members = await client.staff.getFollowUserList();
      if (!members.includes(rule.userId)) throw fieldError('userId', `unknown member or no customer-contact permission: ${rule.userId}`);
    }
    const contents = rule.variants.length > 0 ? rule.variants.map((v, i) => ({ ...v, path: `variants.${i}.` })) : [{ ...rule, path: '' }];
    if (rule.variants.length > 0 && new Set(rule.variants.map((v) => v.name)).size !== rule.variants.length) throw fieldError('variants', 'variant names must differ');
    for (const c of contents) {
      if (!c.text && c.attachments.length === 0) throw fieldError(`${c.path}text`, 'text or attachments required');
      if (c.text && Buffer.byteLength(c.text) > WELCOME_TEXT_MAX_BYTES) throw fieldError(`${c.path}text`, `at most ${WELCOME_TEXT_MAX_BYTES} bytes (UTF-8)`);
      await this.checkAttachments(tenantId, c.attachments, `${c.path}attachments`);
    }
  }

  /** Also checks SOP step attachments: the same content model. */
  async checkAttachments(tenantId: string, attachments: WelcomeAttachment[], path: string): Promise<void> {
    const refs = attachments.flatMap((a, i) => {
      if (a.type === 'image' && !a.mediaAssetId && !a.picUrl) throw fieldError(`${path}.${i}.mediaAssetId`, 'an image needs mediaAssetId or picUrl');
      const id = a.type === 'miniprogram' ? a.picMediaAssetId : a.type === 'link' ? undefined : a.mediaAssetId;
      return id ? [{ id, field: `${path}.${i}.${a.type === 'miniprogram' ? 'picMediaAssetId' : 'mediaAssetId'}`, type: a.type === 'miniprogram' ? 'image' : a.type }] : [];
    });
    if (refs.length === 0) return;
    const found = new Map((await this.media.find(tenantId, { where: { id: In(refs.map((r) => r.id)) } })).map((m) => [m.id, m]));
    for (const r of refs) {
      const m = found.get(r.id);
      if (!m) throw fieldError(r.field, 'unknown media asset');
      if (m.type !== r.type) throw fieldError(r.field, `a ${m.type} cannot be used as a ${r.type}`);
    }
  }
}
