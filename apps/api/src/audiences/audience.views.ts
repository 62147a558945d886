import { ApiProperty } from '@nestjs/swagger';
import type { AudienceRule, SavedAudience } from '@scrm/core';

export class AudienceCustomerView {
  @ApiProperty() id: string;
  @ApiProperty() externalUserId: string;
  @ApiProperty() name: string;
  @ApiProperty() avatar: string;
  @ApiProperty({ nullable: true, type: Number, description: '0 unknown, 1 male, 2 female' }) gender: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '1 WeChat, 2 WeCom' }) type: number | null;
  @ApiProperty({ nullable: true, type: String }) corpName: string | null;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty() firstSeenAt: Date;
  @ApiProperty() lastSeenAt: Date;
  @ApiProperty({ type: 'object', additionalProperties: true }) attributes: Record<string, unknown>;
}

export class AudienceCountView {
  @ApiProperty() count: number;
}

export class AudienceSampleView {
  @ApiProperty({ type: [AudienceCustomerView] }) items: AudienceCustomerView[];
}

export class AudiencePageView extends AudienceSampleView {
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last' }) nextCursor: string | null;
}

export class DimensionRowView {
  @ApiProperty({ nullable: true, type: String, description: 'null: customers in no bucket (no tag of the group, no channel)' }) value: string | null;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'customers of the audience in this bucket' }) audience: number;
  @ApiProperty({ description: 'all reachable customers in this bucket' }) all: number;
}

export class AudienceAnalysisView {
  @ApiProperty({ type: [DimensionRowView] }) rows: DimensionRowView[];
}

export class SavedAudienceView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) rule: AudienceRule;
  @ApiProperty({ nullable: true, type: Number }) count: number | null;
  @ApiProperty({ nullable: true, type: Date }) countedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(a: SavedAudience): SavedAudienceView {
    const { tenantId: _tenant, ...rest } = a;
    return Object.assign(new SavedAudienceView(), rest);
  }
}
