import { Injectable } from '@nestjs/common';
import { Attachment } from '@scrm/wechat-work-sdk';
import { Channel } from '../channel/channel.entity';
import { localMoment } from '../clock/local-time';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { pickVariant } from './pick-variant';
import { renderText, variablesIn } from './render-text';
import { rankRules, RuleVerdict } from './rule-precedence';
import { WelcomeMediaService } from './welcome-media.service';
import { WelcomeRule } from './welcome-rule.entity';
import { WelcomeRulesService } from './welcome-rules.service';
import { WelcomeAttachment } from './welcome.types';

export interface WelcomeContext {
  /** Only a live (enabled, not deleted) channel brings its rules and name. */
  channel: Channel | null;
  userId: string;
  customerName: string | null;
  at: Date;
  /** Injectable dice for the A/B pick. */
  roll?: number;
}

export interface Composition {
  verdicts: RuleVerdict[];
  rule: WelcomeRule | null;
  variant: string | null;
  text: string | null;
  attachments: Attachment[];
  /** Asset ids skipped because their media_id was not alive (the refresh job failed); never uploaded here. */
  skippedMedia: string[];
}

const STAFF_NAME_TTL_MS = 10 * 60 * 1000;

/** What a given add would be greeted with, and why. Shared by the sender and the preview, so they never disagree. */
@Injectable()
export class WelcomeComposer {
  private readonly staffNames = new Map<string, { name: string | null; until: number }>();

  constructor(
    private readonly rules: WelcomeRulesService,
    private readonly media: WelcomeMediaService,
    private readonly zones: TenantTimeZones,
    private readonly wecom: TenantWeCom,
  ) {}

  async compose(tenantId: string, ctx: WelcomeContext): Promise<Composition> {
    const timezone = await this.zones.zoneOf(tenantId);
    const candidates = await this.rules.candidates(tenantId, ctx.channel?.id ?? null, ctx.userId);
    const verdicts = rankRules(candidates, { channelId: ctx.channel?.id ?? null, userId: ctx.userId, at: localMoment(ctx.at, timezone) });
    const winner = verdicts[0]?.applies ? candidates.find((r) => r.id === verdicts[0].ruleId) ?? null : null;
    if (!winner) return { verdicts, rule: null, variant: null, text: null, attachments: [], skippedMedia: [] };
    const variant = pickVariant(winner.variants, ctx.roll);
    const content = variant ?? winner;
    const text = content.text
      ? renderText(content.text, {
          customer_name: ctx.customerName,
          channel_name: ctx.channel?.name ?? null,
          staff_name: variablesIn(content.text).has('staff_name') ? await this.staffName(tenantId, ctx.userId) : null,
        })
      : null;
    const { attachments, skipped } = await this.toWeCom(tenantId, content.attachments);
    return { verdicts, rule: winner, variant: variant?.name ?? null, text, attachments, skippedMedia: skipped };
  }

  /** Our attachments as WeCom's, with live media ids; SOP steps send through this too. */
  async toWeCom(tenantId: string, list: WelcomeAttachment[]): Promise<{ attachments: Attachment[]; skipped: string[] }> {
    const ids = list.flatMap((a) => (a.type === 'miniprogram' ? [a.picMediaAssetId] : a.type !== 'link' && a.mediaAssetId ? [a.mediaAssetId] : []));
    const live = await this.media.liveMediaIds(tenantId, ids);
    const attachments: Attachment[] = [];
    const skipped: string[] = [];
    for (const a of list) {
      if (a.type === 'link') attachments.push({ msgtype: 'link', link: { title: a.title, url: a.url, ...(a.desc ? { desc: a.desc } : {}), ...(a.picUrl ? { picurl: a.picUrl } : {}) } });
      else if (a.type === 'image' && !a.mediaAssetId) attachments.push({ msgtype: 'image', image: { pic_url: a.picUrl as string } });
      else {
        const assetId = a.type === 'miniprogram' ? a.picMediaAssetId : (a.mediaAssetId as string);
        const mediaId = live.get(assetId);
        if (!mediaId) skipped.push(assetId);
        else if (a.type === 'miniprogram') attachments.push({ msgtype: 'miniprogram', miniprogram: { title: a.title, appid: a.appId, page: a.page, pic_media_id: mediaId } });
        else if (a.type === 'image') attachments.push({ msgtype: 'image', image: { media_id: mediaId } });
        else if (a.type === 'video') attachments.push({ msgtype: 'video', video: { media_id: mediaId } });
        else attachments.push({ msgtype: 'file', file: { media_id: mediaId } });
      }
    }
    return { attachments, skipped };
  }

  /** The member's display name, cached a few minutes: the 20-second welcome should not wait on user/get every time. */
  /** The member's display name (cached): {staff_name} in welcome and SOP texts. */
  async staffName(tenantId: string, userId: string): Promise<string | null> {
    const key = `${tenantId}|${userId}`;
    const hit = this.staffNames.get(key);
    if (hit && hit.until > Date.now()) return hit.name;
    const client = await this.wecom.client(tenantId);
    const name = await client.staff.getUser(userId).then((u) => u.name, () => null);
    this.staffNames.set(key, { name, until: Date.now() + STAFF_NAME_TTL_MS });
    return name;
  }
}
