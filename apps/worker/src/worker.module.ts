import { Module } from '@nestjs/common';
import { AccessModule, TenantModule, WeComModule } from '@scrm/core';
import { PlatformModule } from '@scrm/platform';
import { MaintenanceSchedule } from './maintenance/maintenance-schedule';
import { PurgeExpiredTokensProcessor } from './maintenance/purge-expired-tokens.processor';

/** Every Bull processor lives here; the worker has no HTTP listener. */
@Module({
  imports: [PlatformModule, AccessModule, TenantModule, WeComModule],
  providers: [PurgeExpiredTokensProcessor, MaintenanceSchedule],
})
export class WorkerModule {}
