import { Module } from '@nestjs/common';
import { WelcomeModule } from '@scrm/core';
import { WelcomeJobsProcessor } from './welcome-jobs.processor';
import { WelcomeSchedule } from './welcome-schedule';

@Module({ imports: [WelcomeModule], providers: [WelcomeJobsProcessor, WelcomeSchedule] })
export class WelcomeWorkerModule {}
