import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../clock/clock.module';
import { TenantModule } from '../tenant/tenant.module';
import { WeComModule } from '../wecom/wecom.module';
import { ChannelAdd } from './channel-add.entity';
import { ChannelAddsService } from './channel-adds.service';
import { ChannelLock } from './channel-lock';
import { ChannelRosterService } from './channel-roster.service';
import { ChannelStatsService } from './channel-stats.service';
import { ChannelTagsService } from './channel-tags.service';
import { Channel } from './channel.entity';
import { ChannelService } from './channel.service';
import { CustomerChannel } from './customer-channel.entity';

/** 渠道活码. ChannelTagsService needs RELATIONSHIP_TAGS, which only the worker provides, so the api does not use it. */
@Module({
  imports: [TypeOrmModule.forFeature([Channel, ChannelAdd, CustomerChannel]), TenantModule, WeComModule, ClockModule],
  providers: [ChannelService, ChannelRosterService, ChannelLock, ChannelAddsService, ChannelStatsService],
  exports: [ChannelService, ChannelRosterService, ChannelAddsService, ChannelStatsService],
})
export class ChannelModule {}
