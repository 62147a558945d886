import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantModule } from '../tenant/tenant.module';
import { WeComModule } from '../wecom/wecom.module';
import { SyncRun } from './sync-run.entity';
import { SyncRunner } from './sync-runner.service';
import { SyncScheduler } from './sync-scheduler.service';
import { SyncService } from './sync.service';

/** Full sync of a tenant's WeCom contacts into the mirror: started here, run by the worker's sync queue. */
@Module({
  imports: [TypeOrmModule.forFeature([SyncRun]), TenantModule, WeComModule],
  providers: [SyncService, SyncRunner, SyncScheduler],
  exports: [SyncService, SyncRunner, SyncScheduler],
})
export class SyncModule {}
