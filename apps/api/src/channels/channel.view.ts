import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Channel } from '@scrm/core';
import { AssignmentStrategy, ChannelMember, ChannelSchedule } from '@scrm/core';

export class ChannelView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ description: 'The contact way state' }) state: string;
  @ApiProperty({ nullable: true, type: String, description: 'WeCom contact way config_id' }) configId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'QR code image URL' }) qrCode: string | null;
  @ApiProperty() strategy: AssignmentStrategy;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) members: ChannelMember[];
  @ApiProperty({ nullable: true, type: Number }) dailyLimit: number | null;
  @ApiProperty({ type: [String] }) backupUserIds: string[];
  @ApiPropertyOptional({ nullable: true, type: Object }) schedule: ChannelSchedule | null;
  @ApiProperty() skipVerify: boolean;
  @ApiProperty({ type: [String] }) tagIds: string[];
  @ApiProperty({ nullable: true, type: String }) remark: string | null;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: [String], description: 'Members the contact way lists right now' }) listedUserIds: string[];
  @ApiProperty({ nullable: true, type: Date }) deletedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static of(c: Channel): ChannelView {
    const { tenantId: _tenant, updatedAt: _updated, ...rest } = c;
    return Object.assign(new ChannelView(), rest);
  }
}

export class DayStatsView {
  @ApiProperty() day: string;
  @ApiProperty() adds: number;
  @ApiProperty() deletedByCustomer: number;
  @ApiProperty() deletedByMember: number;
  @ApiProperty() netAdds: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Still there 1 day later; null until known' }) retained1d: number | null;
  @ApiProperty({ nullable: true, type: Number }) retained7d: number | null;
  @ApiProperty({ nullable: true, type: Number }) retained30d: number | null;
}

export class MemberDayStatsView extends DayStatsView {
  @ApiProperty() userId: string;
}

export class ChannelStatsView {
  @ApiProperty() channelId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [DayStatsView] }) days: DayStatsView[];
  @ApiProperty({ type: [MemberDayStatsView] }) members: MemberDayStatsView[];
}

export class CustomerChannelsView {
  @ApiProperty() externalUserId: string;
  @ApiProperty({ type: ChannelView }) first: ChannelView;
  @ApiProperty() firstAt: Date;
  @ApiProperty({ type: ChannelView }) latest: ChannelView;
  @ApiProperty() latestAt: Date;
}
