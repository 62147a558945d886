import { ApiProperty } from '@nestjs/swagger';

export class TimelineItemView {
  @ApiProperty({ enum: ['system', 'event'] }) source: string;
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class TimelinePageView {
  @ApiProperty({ type: [TimelineItemView] }) items: TimelineItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `before` for older items' }) nextCursor: string | null;
}

export class CustomerProfileView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'id, externalUserId, unionid, name, avatar, type, gender, corpName, position, firstSeenAt, lastSeenAt' })
  customer: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '{ key, label, type, value } for each attribute with a value' })
  attributes: unknown[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: "{ category, groups: [{ id, name, kind, tags: [{ id, name, kind, weight, source, setAt }] }] }; groups hidden from the caller's role are left out",
  })
  tags: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '{ userId, memberName, remark, description, addWay, state, status, addedAt, channel }' })
  relationships: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ first, latest }: the channels that brought the customer' })
  channels: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'group chats the customer is in' })
  groups: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ enrollments, tasks } (SOP)' })
  sop: Record<string, unknown>;
  @ApiProperty({ type: TimelinePageView, description: 'The first page of the timeline' })
  timeline: TimelinePageView;
}
