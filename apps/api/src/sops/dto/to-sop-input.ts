import { AudienceRule, SopInput, SopTrigger } from '@scrm/core';
import { toAttachment } from '../../welcome/dto/to-rule-input';
import { CreateSopDto, UpdateSopDto } from './create-sop.dto';
import { SopTriggerDto } from './sop-trigger.dto';

/** The validated flat trigger as the domain's union, keeping only the fields its type uses. */
function toTrigger(t: SopTriggerDto): SopTrigger {
  switch (t.type) {
    case 'customer_added':
      return { type: t.type, ...(t.channelId ? { channelId: t.channelId } : {}) };
    case 'tag_added':
      return { type: t.type, tagId: t.tagId! };
    case 'group_joined':
      return { type: t.type, ...(t.chatId ? { chatId: t.chatId } : {}) };
    case 'once':
      return { type: t.type, at: new Date(t.at!).toISOString() };
    case 'daily':
      return { type: t.type, time: t.time! };
    case 'weekly':
      return { type: t.type, weekdays: t.weekdays!, time: t.time! };
    case 'monthly':
      return { type: t.type, days: t.days!, time: t.time! };
    default:
      return { type: 'cron', expression: t.expression! };
  }
}

export function toSopInput<T extends UpdateSopDto | CreateSopDto>(dto: T): T extends CreateSopDto ? SopInput : Partial<SopInput> {
  return {
    ...(dto.name !== undefined ? { name: dto.name } : {}),
    ...('target' in dto && dto.target ? { target: dto.target } : {}),
    ...(dto.trigger ? { trigger: toTrigger(dto.trigger) } : {}),
    ...(dto.audience !== undefined ? { audience: dto.audience as unknown as AudienceRule } : {}),
    ...(dto.groupFilter ? { groupFilter: { ...dto.groupFilter } } : {}),
    ...(dto.steps
      ? {
          steps: dto.steps.map((s) => ({
            offset: { amount: s.offset.amount, unit: s.offset.unit, ...(s.offset.at ? { at: s.offset.at } : {}) },
            delivery: s.delivery,
            text: s.text ?? null,
            attachments: (s.attachments ?? []).map(toAttachment),
          })),
        }
      : {}),
  } as never;
}
