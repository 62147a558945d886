import { Module } from '@nestjs/common';
import { AccessModule, ContactsModule, SyncModule, TenantModule, WeComModule } from '@scrm/core';
import { PlatformModule } from '@scrm/platform';
import { MaintenanceSchedule } from './maintenance/maintenance-schedule';
import { PurgeExpiredTokensProcessor } from './maintenance/purge-expired-tokens.processor';
import { FullSyncProcessor } from './sync/full-sync.processor';
import { SyncSchedule, SyncScheduleProcessor } from './sync/sync-schedule.processor';

/** Every Bull processor lives here; the worker has no HTTP listener. */
@Module({
  imports: [PlatformModule, AccessModule, TenantModule, WeComModule, ContactsModule, SyncModule],
  providers: [PurgeExpiredTokensProcessor, MaintenanceSchedule, FullSyncProcessor, SyncScheduleProcessor, SyncSchedule],
})
export class WorkerModule {}
