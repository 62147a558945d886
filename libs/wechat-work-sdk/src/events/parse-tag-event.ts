import { ExternalTagEvent, RawEvent, TagType } from './event-types';
import { int, text } from './raw-fields';

// Spreads go last: see parse-contact-event.ts.
type Base = { corpId: string; createTime: number; raw: RawEvent };

/** Event=change_external_tag. Returns a reason string when it cannot be typed. */
export function parseTagEvent(raw: RawEvent, base: Base): ExternalTagEvent | string {
  const changeType = text(raw, 'ChangeType');
  const common = { event: 'change_external_tag' as const, strategyId: int(raw, 'StrategyId'), ...base };

  if (changeType === 'shuffle') {
    // shuffle has no TagType; an empty Id means every group was reordered.
    return { kind: 'tag_shuffle', changeType, id: text(raw, 'Id'), ...common };
  }
  if (changeType !== 'create' && changeType !== 'update' && changeType !== 'delete') {
    return `unknown change_external_tag ChangeType ${JSON.stringify(changeType)}`;
  }
  const id = text(raw, 'Id');
  const tagType = text(raw, 'TagType');
  if (!id) return `change_external_tag ${changeType} without Id`;
  if (tagType !== 'tag' && tagType !== 'tag_group') return `unknown change_external_tag TagType ${JSON.stringify(tagType)}`;
  return { kind: `tag_${changeType}`, changeType, id, tagType: tagType as TagType, ...common };
}
