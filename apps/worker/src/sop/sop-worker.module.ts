import { Module } from '@nestjs/common';
import { SopModule, TenantModule } from '@scrm/core';
import { SopEventsListener } from './sop-events.listener';
import { SopJobsProcessor } from './sop-jobs.processor';
import { SopSchedule } from './sop-schedule';

@Module({ imports: [SopModule, TenantModule], providers: [SopEventsListener, SopJobsProcessor, SopSchedule] })
export class SopWorkerModule {}
