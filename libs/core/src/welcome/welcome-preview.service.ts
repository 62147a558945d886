import { Injectable } from '@nestjs/common';
import { ChannelService } from '../channel/channel.service';
import { fieldError } from '@scrm/platform';
import { ifLive } from '../channel/channel.entity';
import { Clock } from '../clock/clock';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { Composition, WelcomeComposer } from './welcome-composer.service';

export interface PreviewInput {
  userId: string;
  channelId?: string;
  externalUserId?: string;
  customerName?: string;
  at?: string;
  roll?: number;
}

export interface Preview extends Omit<Composition, 'rule'> {
  at: Date;
  rule: { id: string; name: string } | null;
  /** One sentence: which rule won and why, or why none did. */
  reason: string;
}

/** What customer X added by member Y through channel Z at time T would receive, through the sender's own composer. */
@Injectable()
export class WelcomePreviewService {
  constructor(
    private readonly composer: WelcomeComposer,
    private readonly channels: ChannelService,
    private readonly wecom: TenantWeCom,
    private readonly clock: Clock,
  ) {}

  async preview(tenantId: string, input: PreviewInput): Promise<Preview> {
    const channel = input.channelId ? await this.channels.channels.findOne(tenantId, { id: input.channelId }) : null;
    if (input.channelId && !channel) throw fieldError('channelId', 'unknown channel');
    const live = ifLive(channel);
    const customerName = input.customerName ?? (input.externalUserId ? await this.nameOf(tenantId, input.externalUserId) : null);
    const at = input.at ? new Date(input.at) : this.clock.now();
    const c = await this.composer.compose(tenantId, { channel: live, userId: input.userId, customerName, at, roll: input.roll });
    const top = c.verdicts[0];
    const reason = c.rule
      ? `"${top.name}" wins: ${top.because}${c.variant ? `; variant ${c.variant}` : ''}`
      : c.verdicts.length
        ? `no rule applies: ${c.verdicts.map((v) => `"${v.name}" ${v.because}`).join('; ')}`
        : 'no welcome rule could apply to this member and channel';
    return { ...c, at, rule: c.rule ? { id: c.rule.id, name: c.rule.name } : null, reason: channel && !live ? `${reason} (channel disabled or deleted: its rules are ignored)` : reason };
  }

  private async nameOf(tenantId: string, externalUserId: string): Promise<string | null> {
    const client = await this.wecom.client(tenantId);
    return client.customers.getPage(externalUserId).then((d) => d.external_contact?.name ?? null);
  }
}
