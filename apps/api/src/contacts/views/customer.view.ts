import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaView } from './page-meta.view';

export class CustomerView {
  @ApiProperty() externalUserId: string;
  @ApiProperty() name: string;
  @ApiProperty() avatar: string;
  @ApiProperty({ nullable: true, type: Number, description: '1 WeChat, 2 WeCom' }) type: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '0 unknown, 1 male, 2 female' }) gender: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) unionid: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) position: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) corpName: string | null;
  @ApiProperty() firstSeenAt: Date;
  @ApiProperty() lastSeenAt: Date;
}

export class CustomerPageView extends PageMetaView {
  @ApiProperty({ type: [CustomerView] }) items: CustomerView[];
}

export class RelationshipTagView {
  @ApiProperty() tagId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) groupName: string | null;
  @ApiProperty({ enum: ['wecom', 'channel', 'sop', 'admin', 'sync'] }) source: string;
}

export class RelationshipView {
  @ApiProperty() userId: string;
  @ApiProperty() remark: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) remarkMobiles: string[];
  @ApiProperty({ nullable: true, type: Number }) addWay: number | null;
  @ApiProperty({ nullable: true, type: String }) state: string | null;
  @ApiProperty({ nullable: true, type: Date }) addedAt: Date | null;
  @ApiProperty({ enum: ['active', 'deleted_by_member', 'deleted_by_customer', 'deleted'], description: 'deleted: gone from WeCom, found by a sync' }) status: string;
  @ApiProperty() statusAt: Date;
  @ApiProperty({ type: [RelationshipTagView] }) tags: RelationshipTagView[];
}

export class TimelineEntryView {
  @ApiProperty({ example: 'customer.added' }) type: string;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) chatId: string | null;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
}

export class CustomerDetailView extends CustomerView {
  @ApiProperty({ type: [RelationshipView] }) relationships: RelationshipView[];
  @ApiProperty({ type: [TimelineEntryView], description: 'most recent first, at most 50' }) timeline: TimelineEntryView[];
}
