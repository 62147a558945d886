import { WelcomeAttachment, WelcomeRuleInput } from '@scrm/core';
import { UpdateWelcomeRuleDto } from './create-welcome-rule.dto';
import { WelcomeAttachmentDto } from './welcome-attachment.dto';

/** The validated flat attachment as the domain's union, keeping only the fields its type uses. */
export function toAttachment(a: WelcomeAttachmentDto): WelcomeAttachment {
  switch (a.type) {
    case 'image':
      return a.mediaAssetId ? { type: 'image', mediaAssetId: a.mediaAssetId } : { type: 'image', picUrl: a.picUrl };
    case 'link':
      return { type: 'link', title: a.title!, url: a.url!, ...(a.desc ? { desc: a.desc } : {}), ...(a.picUrl ? { picUrl: a.picUrl } : {}) };
    case 'miniprogram':
      return { type: 'miniprogram', title: a.title!, appId: a.appId!, page: a.page!, picMediaAssetId: a.picMediaAssetId! };
    default:
      return { type: a.type, mediaAssetId: a.mediaAssetId! };
  }
}

export function toRuleInput<T extends UpdateWelcomeRuleDto>(dto: T): T extends { name: string } ? WelcomeRuleInput : Partial<WelcomeRuleInput> {
  const { attachments, variants, ...rest } = dto;
  return {
    ...rest,
    ...(attachments ? { attachments: attachments.map(toAttachment) } : {}),
    ...(variants ? { variants: variants.map((v) => ({ name: v.name, weight: v.weight, text: v.text ?? null, attachments: (v.attachments ?? []).map(toAttachment) })) } : {}),
  } as never;
}
