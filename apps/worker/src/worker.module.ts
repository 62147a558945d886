import { DynamicModule, Module } from '@nestjs/common';
import { CORE_MODULES, WeComEventHandler } from '@scrm/core';
import { PlatformModule } from '@scrm/platform';
import { MaintenanceSchedule } from './maintenance/maintenance-schedule';
import { PurgeExpiredTokensProcessor } from './maintenance/purge-expired-tokens.processor';
import { EVENT_HANDLER_OVERRIDE } from './inbox/event-handler-override';
import { FinishInboxEventProcessor } from './inbox/finish-inbox-event.processor';
import { FirstStepsInFlight } from './inbox/first-steps-in-flight';
import { InboxProcessing } from './inbox/inbox-processing.service';
import { InboxSweeper } from './inbox/inbox-sweeper.service';
import { ProcessInboxEventProcessor } from './inbox/process-inbox-event.processor';
import { SweepInboxProcessor, SweepInboxSchedule } from './inbox/sweep-inbox.processor';
import { FullSyncProcessor } from './sync/full-sync.processor';
import { SyncSchedule, SyncScheduleProcessor } from './sync/sync-schedule.processor';
import { ChannelsWorkerModule } from './channels/channels-worker.module';
import { WelcomeWorkerModule } from './welcome/welcome-worker.module';
import { SopWorkerModule } from './sop/sop-worker.module';
import { ComputedTagsProcessor, ComputedTagsSchedule } from './computed-tags/computed-tags.processor';
import { TagJobsProcessor, TagJobsSchedule } from './tags/tag-jobs.processor';
import { AudiencesWorkerModule } from './audiences/audiences-worker.module';

/** Every Bull processor lives here; the worker has no HTTP listener. */
@Module({
  imports: [PlatformModule, ...CORE_MODULES, ChannelsWorkerModule, WelcomeWorkerModule, SopWorkerModule, AudiencesWorkerModule],
  providers: [
    PurgeExpiredTokensProcessor,
    MaintenanceSchedule,
    InboxProcessing,
    InboxSweeper,
    ProcessInboxEventProcessor,
    FirstStepsInFlight,
    FinishInboxEventProcessor,
    SweepInboxProcessor,
    SweepInboxSchedule,
    FullSyncProcessor,
    SyncScheduleProcessor,
    SyncSchedule,
    ComputedTagsProcessor,
    ComputedTagsSchedule,
    TagJobsProcessor,
    TagJobsSchedule,
  ],
})
export class WorkerModule {
  /** Test seam: the worker with this handler in place of the global WECOM_EVENT_HANDLER. */
  static withEventHandler(handler: WeComEventHandler): DynamicModule {
    return { module: WorkerModule, providers: [{ provide: EVENT_HANDLER_OVERRIDE, useValue: handler }] };
  }
}
