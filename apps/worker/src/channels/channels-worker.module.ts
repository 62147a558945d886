import { Module } from '@nestjs/common';
import { ChannelModule, ChannelTagsService, WeComModule } from '@scrm/core';
import { ChannelEventsListener } from './channel-events.listener';
import { ChannelJobsProcessor } from './channel-jobs.processor';
import { ChannelSchedule } from './channel-schedule';

@Module({
  imports: [ChannelModule, WeComModule],
  providers: [ChannelEventsListener, ChannelJobsProcessor, ChannelSchedule, ChannelTagsService],
})
export class ChannelsWorkerModule {}
