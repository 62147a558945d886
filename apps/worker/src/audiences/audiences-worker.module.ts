import { Module } from '@nestjs/common';
import { AudienceJobsProcessor } from './audience-jobs.processor';
import { AudienceSchedule } from './audience-schedule';

@Module({ providers: [AudienceJobsProcessor, AudienceSchedule] })
export class AudiencesWorkerModule {}
