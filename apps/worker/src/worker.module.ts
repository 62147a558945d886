import { Module } from '@nestjs/common';
import { AccessModule, ContactsModule, TenantModule, WeComModule } from '@scrm/core';
import { PlatformModule } from '@scrm/platform';
import { MaintenanceSchedule } from './maintenance/maintenance-schedule';
import { PurgeExpiredTokensProcessor } from './maintenance/purge-expired-tokens.processor';

/** Every Bull processor lives here; the worker has no HTTP listener. */
@Module({
  imports: [PlatformModule, AccessModule, TenantModule, WeComModule, ContactsModule],
  providers: [PurgeExpiredTokensProcessor, MaintenanceSchedule],
})
export class WorkerModule {}
