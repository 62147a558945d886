import { Module } from '@nestjs/common';
import { AccessModule, TenantModule, WeComModule } from '@scrm/core';
import { PlatformModule } from '@scrm/platform';
import { MaintenanceSchedule } from './maintenance/maintenance-schedule';
import { PurgeExpiredTokensProcessor } from './maintenance/purge-expired-tokens.processor';
// channels + welcome
import { ChannelsWorkerModule } from './channels/channels-worker.module';
import { TemporaryWiringModule } from './temporary-wiring/temporary-wiring.module';
import { WelcomeWorkerModule } from './welcome/welcome-worker.module';

/** Every Bull processor lives here; the worker has no HTTP listener. */
@Module({
  imports: [
    PlatformModule,
    AccessModule,
    TenantModule,
    WeComModule,
    // channels + welcome
    TemporaryWiringModule,
    ChannelsWorkerModule,
    WelcomeWorkerModule,
  ],
  providers: [PurgeExpiredTokensProcessor, MaintenanceSchedule],
})
export class WorkerModule {}
